/// <reference types="vite/client" />
// Lets plain `tsc` accept .svelte imports; svelte-check supplies the precise component types.
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<any>;
  export default component;
}
