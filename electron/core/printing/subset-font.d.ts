/** Types of subset-font (harfbuzz's hb-subset in WebAssembly), which ships none. */
declare module 'subset-font' {
  export default function subsetFont(font: Buffer, text: string, options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype'; keepFeatures?: string[]; noLayoutClosure?: boolean }): Promise<Buffer>;
}
