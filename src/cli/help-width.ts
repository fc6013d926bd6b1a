/** The width commander formats help for on an output: its columns on a terminal, else none (commander's default, 80). */
export function helpWidthOf(output: { readonly isTTY?: boolean; readonly columns?: number }): number | undefined {
  return output.isTTY === true ? output.columns : undefined;
}
