// Minimal typing of the pdfmake 0.3 server API this project uses (the package ships no types).
declare module 'pdfmake' {
  interface FontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}

// pdfmake's internal classes, patched by pdfmake-speedups.ts (CommonJS modules, no types).
declare module 'pdfmake/js/Renderer.js' {
  const mod: unknown;
  export default mod;
}
declare module 'pdfmake/js/PDFDocument.js' {
  const mod: unknown;
  export default mod;
}
declare module 'pdfmake/js/StyleContextStack.js' {
  const mod: unknown;
  export default mod;
}
