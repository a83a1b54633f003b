// The API's documentation, rendered from the same action definitions the endpoint dispatches
// through (lib/api-v2/definitions.ts).
import { Card } from "@/components/ui/card";
import { PANEL_CURRENCY } from "@/lib/currency";
import { API_ACTIONS } from "@/lib/api-v2/definitions";
import { answerJson, curlExample } from "@/lib/api-v2/docs";
import { API_ERRORS } from "@/lib/api-v2/errors";
import { rateLimitFromEnv } from "@/lib/api-v2/rate-limit";

function Code({ children, testId }: { children: string; testId?: string }) {
  return (
    <pre data-testid={testId} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
      <code>{children}</code>
    </pre>
  );
}

export function ApiDocs({ apiUrl }: { apiUrl: string }) {
  return (
    <Card title="API documentation">
      <div className="space-y-3 text-sm text-slate-700">
        <p>
          Send <code>POST {apiUrl}</code> with a form-encoded body (<code>application/x-www-form-urlencoded</code>; JSON and
          multipart bodies are accepted too) containing your <code>key</code> and an <code>action</code>. Answers are JSON.
          As on PHP panels, a field sent twice counts with its last value, fields in the URL&apos;s query string count too (the
          body wins), and the URL may end with a slash. Keep the key in the body: URLs end up in logs.
          Money is in {PANEL_CURRENCY}, as text with 6 decimals.
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            A refusal is HTTP 200 with <code>{`{"error": "..."}`}</code>, e.g. <code>{API_ERRORS.invalidKey}</code>,{" "}
            <code>{API_ERRORS.incorrectRequest}</code>, <code>{API_ERRORS.incorrectService}</code>, <code>{API_ERRORS.incorrectOrder}</code>,{" "}
            <code>{API_ERRORS.noFunds}</code>, <code>Quantity less than minimal 100</code>. Nothing was done.
          </li>
          <li>
            At most {rateLimitFromEnv()} requests a minute per key; above that HTTP 429 <code>{`{"error": "${API_ERRORS.tooManyRequests}"}`}</code> with
            a <code>Retry-After</code> header (seconds).
          </li>
          <li>
            HTTP 503 <code>{`{"error": "${API_ERRORS.internal}"}`}</code> means the request may or may not have been carried out: check with{" "}
            <code>status</code> before placing an order again, or use an <code>idempotency_key</code>.
          </li>
          <li>Batches (<code>orders</code>, <code>refills</code>) take at most 100 ids separated by commas. Requests are limited to 1 MB.</li>
          <li>
            Order statuses: Pending, In progress, Completed, Partial, Canceled. Refill statuses: Pending, In progress, Completed, Rejected.
          </li>
        </ul>
      </div>
      <nav aria-label="API actions" className="my-4 flex flex-wrap gap-2 text-xs">
        {API_ACTIONS.map((action) => (
          <a key={action.name} href={`#api-${action.name}`} className="rounded bg-slate-100 px-2 py-1 font-mono text-slate-700 hover:bg-slate-200">
            {action.name}
          </a>
        ))}
      </nav>
      <div className="space-y-3">
        {API_ACTIONS.map((action) => (
          <details key={action.name} id={`api-${action.name}`} data-testid={`api-doc-${action.name}`} className="group space-y-3 rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer list-none">
              <h3 className="inline font-mono text-base font-semibold text-slate-900">action={action.name}</h3>
              <span className="ml-2 text-xs text-slate-600 group-open:hidden">show</span>
              <span className="mt-1 block text-sm text-slate-700">{action.summary}</span>
            </summary>
            {action.variants.map((variant) => (
              <div key={variant.title} className="space-y-2 border-l-2 border-slate-200 pl-4">
                <h4 className="text-sm font-semibold text-slate-800">{variant.title}</h4>
                {variant.note ? <p className="text-xs text-slate-600">{variant.note}</p> : null}
                {variant.fields.length ? (
                  <table className="w-full text-left text-xs">
                    <thead className="uppercase text-slate-500">
                      <tr>
                        <th className="py-1 pr-3">Field</th>
                        <th className="pr-3">Required</th>
                        <th>Description</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {variant.fields.map((field) => (
                        <tr key={field.name}>
                          <td className="py-1 pr-3 font-mono">{field.name}</td>
                          <td className="pr-3">{field.required ? "yes" : "no"}</td>
                          <td className="text-slate-600">{field.description}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                <Code testId={`curl-${action.name}`}>{curlExample(apiUrl, action.name, variant.fields)}</Code>
                <Code>{answerJson(variant.answer)}</Code>
              </div>
            ))}
          </details>
        ))}
      </div>
    </Card>
  );
}
