/** exceljs's default theme part, a string of XML; the workbook writer ships it as exceljs did. */
declare module 'exceljs/lib/xlsx/xml/theme1.js' {
  const theme: string;
  export default theme;
}
