// Every width breakpoint the page's stylesheets declare (min-width, max-width, width < …), in CSS px.
// The rendered gate sweeps both sides of each, so no range of widths goes unseen.
() => {
  const found = new Set();
  const rootFont = 16; // media queries' em and rem are the initial font size, whatever the page sets
  const read = (text) => {
    const pattern = /(?:min-|max-)?width\s*(?::|[<>]=?)\s*([\d.]+)(px|em|rem)|([\d.]+)(px|em|rem)\s*[<>]=?\s*width/g;
    for (const match of text.matchAll(pattern)) {
      const value = parseFloat(match[1] || match[3]);
      const unit = match[2] || match[4];
      found.add(unit === "px" ? value : value * rootFont);
    }
  };
  const walk = (rules) => {
    for (const rule of rules) {
      if (rule.media) read(rule.media.mediaText);
      if (rule.conditionText && !rule.media) read(rule.conditionText);
      if (rule.cssRules) walk(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) {
    try {
      if (sheet.media && sheet.media.mediaText) read(sheet.media.mediaText);
      walk(sheet.cssRules);
    } catch (error) {
      // another origin's sheet: the site loads none
    }
  }
  return [...found].sort((a, b) => a - b);
};
