/** nunjucks' compiler module: public in the package, missing from @types/nunjucks. */
declare module 'nunjucks/src/compiler' {
  export function compile(
    src: string,
    asyncFilters: unknown,
    extensions: unknown,
    name: string,
    opts: unknown,
  ): string;
}
