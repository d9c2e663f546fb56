using System.Text.Json.Serialization;

namespace Rind.Docker.Models;

/// <summary>The body of <c>POST /exec/{id}/start</c>.</summary>
internal sealed record ExecStartRequest
{
    public bool Detach { get; init; }

    public bool Tty { get; init; }

    /// <summary>[rows, columns] of the terminal from the start (API 1.42; older engines ignore it).</summary>
    public IReadOnlyList<int>? ConsoleSize { get; init; }

    /// <summary>The terminal's rows as Podman reads them from the start body; Docker ignores it.</summary>
    [JsonPropertyName("h")]
    public int? Height { get; init; }

    /// <summary>The terminal's columns as Podman reads them from the start body; Docker ignores it.</summary>
    [JsonPropertyName("w")]
    public int? Width { get; init; }
}
