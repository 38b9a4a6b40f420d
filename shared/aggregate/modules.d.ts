// Types for two small CommonJS packages without their own.
declare module '@nlpjs/lang-da' {
  export class StemmerDa {
    stemWord(word: string): string;
  }
}
declare module 'stopwords-iso' {
  const lists: Record<string, string[] | undefined>;
  export default lists;
}
