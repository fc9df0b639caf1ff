/**
 * Replaces what stands between two marker comments of a document with generated content: the
 * one way `npm run docs` refreshes the diagram and the tables embedded in docs/.
 */
export function embedBetween(doc: string, startMarker: string, endMarker: string, content: string): string {
  const start = doc.indexOf(startMarker);
  const end = doc.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`the document has no ${startMarker} ... ${endMarker} markers`);
  return `${doc.slice(0, start + startMarker.length)}\n${content}\n${doc.slice(end)}`;
}
