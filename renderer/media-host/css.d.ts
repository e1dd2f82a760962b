// esbuild gathers the imported CSS into media-host.css beside the script; to TypeScript it is a side effect only.
declare module '*.css';
