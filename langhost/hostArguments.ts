// The host's command line as the CLI builds it: optional flags (--logtostderr, -v=N, --tracing URL,
// --root DIR ...) and the engine address as the last plain argument.
export interface HostArguments {
    engineAddress: string;
    tracing?: string;
}

export function hostArguments(argv: string[]): HostArguments {
    let tracing: string | undefined;
    const plain: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--tracing" || a === "-tracing") tracing = argv[++i];
        else if (a.startsWith("--tracing=") || a.startsWith("-tracing="))
            tracing = a.slice(a.indexOf("=") + 1);
        else if (a === "--root" || a === "-root") i++;
        else if (!a.startsWith("-")) plain.push(a);
    }
    return { engineAddress: plain[plain.length - 1] ?? "", tracing: tracing || undefined };
}
