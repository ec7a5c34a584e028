// The part of jsdom's API the conformance suite uses (jsdom ships no type declarations).
declare module "jsdom" {
    export interface JsdomWindow {
        [name: string]: unknown;
        close(): void;
    }
    export class JSDOM {
        constructor(html?: string, options?: { url?: string; pretendToBeVisual?: boolean });
        readonly window: JsdomWindow;
    }
}
