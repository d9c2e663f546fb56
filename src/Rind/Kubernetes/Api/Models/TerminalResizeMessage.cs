namespace Rind.Kubernetes.Api.Models;

/// <summary>What an exec's resize channel carries; the names are the API's own, capitalised.</summary>
internal sealed record TerminalResizeMessage(int Width, int Height);
