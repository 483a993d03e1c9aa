/** Vite's `?raw` imports (the in-app guide is docs/admin-guide.md, bundled as text). */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
