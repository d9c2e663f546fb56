namespace Rind.Engine.Http;

/// <summary>A whole answer: its head and its body, read to the end.</summary>
internal sealed record HttpAnswer(HttpResponseHead Head, byte[] Body);
