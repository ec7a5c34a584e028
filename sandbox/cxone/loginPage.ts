// The plain HTML employee login page behind /auth/authorize (the browser step of
// "Authenticate with CXone"). Every value is HTML-escaped; the OAuth parameters travel as
// hidden fields so the POST carries the same request.
const esc = (s: string) =>
    s.replace(
        /[&<>"']/g,
        (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
    );

export function loginPage(params: Record<string, string>, error?: string): string {
    const hidden = Object.entries(params)
        .filter(([k]) => k !== "email" && k !== "password")
        .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
        .join("\n    ");
    return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>CXone sign in</title></head>
<body>
  <h1>Sign in to CXone</h1>
  ${error ? `<p id="error" role="alert">${esc(error)}</p>` : ""}
  <form method="post" action="/auth/authorize">
    ${hidden}
    <label>Email <input type="email" name="email" id="email" autocomplete="username" required></label>
    <label>Password <input type="password" name="password" id="password" autocomplete="current-password" required></label>
    <button type="submit" id="submit">Sign in</button>
  </form>
</body>
</html>
`;
}

export function errorPage(message: string): string {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CXone sign in</title></head>
<body><h1>Sign in to CXone</h1><p id="error" role="alert">${esc(message)}</p></body></html>
`;
}
