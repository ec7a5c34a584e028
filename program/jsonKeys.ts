// JSON.parse keeps the last of two equal keys and says nothing, so a mapping typed twice in
// `attributeMappings` would silently lose one. This finds the keys an object repeats, on text
// that JSON.parse has already accepted. Pure.

/** The keys that appear more than once in one object of the (valid) JSON `text`, in order. */
export function repeatedKeys(text: string): string[] {
    const repeated: string[] = [];
    // one entry per open object or array: the keys seen so far (undefined for an array)
    // Stryker disable next-line ArrayDeclaration: valid JSON has one value at the top, never a key
    const open: (Set<string> | undefined)[] = [];
    // Stryker disable next-line BooleanLiteral: a string read outside any object is never a key
    let keyNext = false;
    // Stryker disable next-line EqualityOperator: text[text.length] is undefined, no token
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
            // Stryker disable next-line ConditionalExpression: in an array a string is no key anyway
            keyNext = c === "{";
        } else if (c === "}" || c === "]") {
            open.pop();
        } else if (c === ",") {
            // Stryker disable next-line ConditionalExpression: in an array a string is no key anyway
            keyNext = open[open.length - 1] !== undefined;
        }
    }
    return repeated;
}
