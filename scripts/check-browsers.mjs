import { missingPackages, selectedEngines } from './engines.mjs';

const engines = selectedEngines();
const need = missingPackages(engines);
if (need.length) {
  console.error(`
Browser tests run in ${engines.join(', ')}, from Debian packages; this project never downloads a browser.
Install what is missing:   sudo apt-get install -y ${need.join(' ')}
or run a subset:           ENGINES=chromium npm test
(CHROME_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH and MINIBROWSER_PATH point at other binaries.)
`);
  process.exit(1);
}
