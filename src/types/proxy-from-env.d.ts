// proxy-from-env ships no type declarations; this is the one function the tool calls.
declare module 'proxy-from-env' {
  /** The proxy URL the standard variables (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY, any case) name for `url`, or ''. */
  export function getProxyForUrl(url: string | URL): string;
}
