/** An SVG made by the server, as an image source: shown as a picture, never put into the page as markup. */
export const svgSource = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
