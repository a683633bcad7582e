// The one way pages are written: htm templates over Preact's h(). Every
// ${value} in a template becomes a text node or an attribute value, escaped
// by Preact; nothing here ever sets innerHTML (SPEC 5: texts are plain text).
import { h } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
