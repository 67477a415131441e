import { chromiumPath } from './chromium-path.mjs';

if (!chromiumPath()) {
  console.error(`
Browser tests need Chromium, and this project never downloads its own.
Install Debian's package:   sudo apt-get install -y chromium
or point CHROME_PATH at an existing Chrome/Chromium binary:
  CHROME_PATH=/path/to/chrome npm test
`);
  process.exit(1);
}
