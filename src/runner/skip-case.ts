/** Thrown by `t.skip(reason)`: the case does not apply after all; its outcome is skipped with that reason. */
export class SkipCase extends Error {
  override readonly name = 'SkipCase';
}
