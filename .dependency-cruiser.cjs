/**
 * The import rules of DESIGN §1, checked by dependency-cruiser: `npm run lint:imports` prints them, and
 * test/architecture/import-rules.test.ts fails `npm test` on any violation. Paths are relative to the repository root
 * (or to the `baseDir` a cruise is given, as the test's fixture tree does). Type-only imports count: a reporter that
 * names a runner type depends on the runner as much as one that calls it.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'model-depends-on-nothing',
      comment: 'src/model/ is the plain data every layer shares: it imports nothing from the rest of the tool, and no package (node built-ins at most).',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { pathNot: '^src/model/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'checks-judge-data-only',
      comment: 'Checks are pure functions over the model: they may use the schema registry to validate, never the transport, the peer, the runner, the CLI or the reporters. They may name the Secret type (see secret-named-not-made).',
      severity: 'error',
      from: { path: '^src/checks/' },
      to: { path: '^(src|suites)/', pathNot: '^src/(checks|model|schemas)/|^src/config/secret[.]ts$' },
    },
    {
      name: 'report-renders-results-only',
      comment: 'Reporters render the result types of src/model/; they depend on nothing else of the tool.',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^(src|suites)/', pathNot: '^src/(report|model)/' },
    },
    {
      name: 'runner-below-cli-and-report',
      comment:
        'The runner drives the transport, the peer, the schemas and the checks; it never reaches up to the CLI or the reporters, nor into the reference parties or the suites. ' +
        'From the config it takes the Secret type of tokens only: its settings come as options, and config/ itself reads runner types (crawl bounds, profiles).',
      severity: 'error',
      from: { path: '^src/runner/' },
      to: { path: '^(src|suites)/', pathNot: '^src/(runner|transport|peer|schemas|checks|model)/|^src/config/secret[.]ts$|^src/tool-info[.]ts$' },
    },
    {
      name: 'suites-use-the-dsl',
      comment:
        'A suite reads like a test-case document: it uses the runner DSL (which also names what t.request answers and what a wait throws), the checks and the model, and its own helpers; ' +
        'no HTTP plumbing, no peer, party, CLI or reporter internals. Besides those it may use pure vocabulary that sends nothing: the URL a step calls (endpointUrl, withQuery) or follows (nextLink), ' +
        'OCPI DateTimes (ocpiNow, sameInstant), the generated OCPI objects the tester pushes (ocpi-data/), and the Secret type (see secret-named-not-made).',
      severity: 'error',
      from: { path: '^suites/' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/(runner|checks|model)/',
          '^src/transport/(endpoint-url|with-query|next-link)[.]ts$',
          '^src/schemas/ocpi-datetime[.]ts$',
          '^src/ocpi-data/',
          '^src/config/secret[.]ts$',
        ],
      },
    },
    {
      name: 'secret-named-not-made',
      comment: 'Checks and suites may name the Secret type of the tokens they compare, but never make or reveal one: they get tokens from the run.',
      severity: 'error',
      from: { path: '^(src/checks|suites)/' },
      to: { path: '^src/config/secret[.]ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'parties-not-built-from-checks',
      comment: 'The reference parties must not be built from the checks that judge them, nor from the suites.',
      severity: 'error',
      from: { path: '^src/parties/' },
      to: { path: '^(suites/|src/checks/)' },
    },
    {
      name: 'suites-loaded-through-the-catalogue',
      comment: 'The tool loads the cases through the catalogue (suites/index.ts) only, and only where a run or a listing is planned: the programmatic run() and the CLI.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^suites/', pathNot: '^suites/index[.]ts$' },
    },
    {
      name: 'catalogue-loaded-by-the-entry-points',
      comment: 'Only the programmatic run() and the CLI commands that plan or list cases load the catalogue.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/run[.]ts$|^src/cli/' },
      to: { path: '^suites/' },
    },
    {
      name: 'no-circular',
      comment:
        'No module loads itself through others. Cycles made only of `import type` are allowed: the compiler erases them (verbatimModuleSyntax), ' +
        'and some types are mutually recursive by nature (a case definition runs with a CaseContext, which holds its definition).',
      severity: 'error',
      from: { path: '^(src|suites)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
  },
};
