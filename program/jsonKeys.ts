// JSON.parse keeps the last of two equal keys and says nothing, so a mapping typed twice in
// `attributeMappings` would silently lose one. This finds the keys an object repeats, on text
// that JSON.parse has already accepted. Pure.

/** The keys that appear more than once in one object of the (valid) JSON `text`, in order. */
export function repeatedKeys(text: string): string[] {
    const repeated: string[] = [];
    // one entry per open object or array: the keys seen so far (undefined for an array)
    const open: (Set<string> | undefined)[] = [];
    let keyNext = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            let end = i + 1;
            while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
            const value = JSON.parse(text.slice(i, end + 1)) as string;
            const keys = open[open.length - 1];
            if (keyNext && keys) {
                if (keys.has(value) && !repeated.includes(value)) repeated.push(value);
                keys.add(value);
            }
            keyNext = false;
            i = end;
        } else if (c === "{" || c === "[") {
            open.push(c === "{" ? new Set() : undefined);
            keyNext = c === "{";
        } else if (c === "}" || c === "]") {
            open.pop();
        } else if (c === ",") {
            keyNext = open[open.length - 1] !== undefined;
        }
    }
    return repeated;
}
