/**
 * A raw AWS query-protocol call to moto for the services the suite has no SDK client for
 * (CloudFormation). moto routes a request by the service named in the credential scope of its
 * Authorization header and checks no signature, so the header only names the service.
 */
export async function motoQuery(
  endpoint: string,
  service: string,
  region: string,
  params: Record<string, string>,
): Promise<string> {
  const response = await fetch(endpoint + '/', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
      Authorization: `AWS4-HMAC-SHA256 Credential=AKIDEMULATED/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: new URLSearchParams(params).toString(),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`moto ${service} ${params.Action} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return text;
}

/** The text of every `<tag>` element, in order (moto's XML answers are flat enough for this). */
export function xmlValues(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => unescapeXml(m[1]!));
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
