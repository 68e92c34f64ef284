import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The field app as an installable, offline-capable PWA, and only the field app.
 *
 * - The service worker is written to `m/sw.js`, so the browser itself limits
 *   its scope to `/m/`: the console at `/` can never be controlled by it,
 *   whatever is registered.
 * - Nothing is injected into the pages: the field entry registers the worker
 *   itself (`src/web/field/pwa/register-sw.ts`); the console never does.
 * - Workbox lists precache URLs relative to the build folder (`m/index.html`,
 *   `assets/…`) and resolves them against the worker's own URL, which would
 *   give `/m/m/index.html`. Every URL is therefore made absolute.
 * - Only the files the field page loads are precached; the console's (much
 *   larger) bundles stay out.
 */
export function fieldPwa(): Plugin[] {
  /** Output files reachable from the field entry, filled in while the bundle is written. */
  const fieldFiles = new Set<string>();

  const scopePlugin: Plugin = {
    name: 'linli:field-pwa-scope',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      // vite-plugin-pwa adds the manifest link to every page of a multi-page build.
      handler: (html, ctx) => (ctx.path === '/m/index.html' ? html : html.replace(/<link rel="manifest"[^>]*>/g, '')),
    },
    generateBundle(_options, bundle) {
      fieldFiles.clear();
      fieldFiles.add('m/index.html');
      const pending = Object.values(bundle)
        .filter((out) => out.type === 'chunk' && out.isEntry && (out.facadeModuleId ?? '').replaceAll('\\', '/').endsWith('/m/index.html'))
        .map((chunk) => chunk.fileName);
      while (pending.length > 0) {
        const fileName = pending.pop() as string;
        if (fieldFiles.has(fileName)) continue;
        fieldFiles.add(fileName);
        const out = bundle[fileName];
        if (out?.type !== 'chunk') continue;
        pending.push(...out.imports, ...out.dynamicImports);
        for (const css of out.viteMetadata?.importedCss ?? []) fieldFiles.add(css);
        for (const asset of out.viteMetadata?.importedAssets ?? []) fieldFiles.add(asset);
      }
      if (fieldFiles.size < 2) this.error('linli:field-pwa-scope: the field entry (m/index.html) was not found in the bundle');
    },
  };

  const absolute = (url: string) => (url.startsWith('/') ? url : `/${url}`);

  const pwa = VitePWA({
    strategies: 'generateSW',
    injectRegister: null,
    registerType: 'autoUpdate',
    filename: 'm/sw.js',
    manifestFilename: 'm/manifest.webmanifest',
    scope: '/m/',
    includeManifestIcons: true,
    includeAssets: ['icons/apple-touch-icon-180.png'],
    manifest: {
      id: '/m/',
      name: '邻里',
      short_name: '邻里',
      description: '社区防疫与网格化管理 · Community epidemic prevention and grid management',
      lang: 'zh-CN',
      start_url: '/m/',
      scope: '/m/',
      display: 'standalone',
      orientation: 'portrait',
      theme_color: '#1f8a4c',
      background_color: '#ffffff',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['m/index.html', 'assets/**/*.{js,css,woff,woff2,svg,png,ico}'],
      modifyURLPrefix: { '': '/' },
      // Hashed names change with their content: no revision needed (runs after the prefix is added).
      dontCacheBustURLsMatching: /^\/assets\//,
      manifestTransforms: [
        (entries) => ({
          manifest: entries.filter((e) => !e.url.startsWith('/assets/') || fieldFiles.has(e.url.slice(1))),
          warnings: [],
        }),
      ],
      navigateFallback: '/m/index.html',
      navigateFallbackAllowlist: [/^\/m\//],
      navigateFallbackDenylist: [/^\/api\//],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
      maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    },
    integration: {
      // The manifest and icons are added after modifyURLPrefix has run, so they get their leading slash here.
      beforeBuildServiceWorker: (options) => {
        options.workbox.additionalManifestEntries = (options.workbox.additionalManifestEntries ?? []).map((e) =>
          typeof e === 'string' ? absolute(e) : { ...e, url: absolute(e.url) },
        );
      },
    },
  });

  return [...pwa, scopePlugin];
}
