namespace Rind.Transport.Http;

/// <summary>A whole response: its head and its body, read to the end.</summary>
internal sealed record HttpResponse(HttpResponseHead Head, byte[] Body);
