// `?lang=gd` or `?lang=cy`: the page declares that language on <html>, as a Gaelic or Welsh CLP's
// page does, before the bundle (a deferred module script) defines the elements. A same-origin
// classic script, so the strict CSP runs it; without the parameter the page stays en-GB.
const lang = new URLSearchParams(location.search).get('lang');
if (lang) document.documentElement.lang = lang;
