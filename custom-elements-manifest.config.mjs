/** Generates custom-elements.json (shipped in the package; drives Storybook autodocs). */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  // package.json names the manifest itself; the analyzer must not rewrite it.
  packagejson: false,
};
