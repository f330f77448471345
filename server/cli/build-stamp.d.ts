/** Types of build-stamp.js, which stays JavaScript so `npm start` can run it without a compiler. */
export declare const ROOT: string
export declare const SERVER_BUNDLE: string
export declare function sourceHash(root?: string): string
export declare function isBuilt(root?: string): boolean
export declare function writeStamp(sources: string, root?: string): void
export declare function ensureBuilt(root?: string): boolean
