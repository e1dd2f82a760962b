// esbuild gathers the CSS that features import into app.css; to TypeScript they are side effects only.
declare module '*.css';
