using System.Text;
using System.Text.Json;
using Rind.Serialization;

namespace Rind.Transport.Http;

/// <summary>
/// The body of a response that refused a request, as an engine (its error) and an API server (its Status)
/// both send it: JSON with the server's message.
/// </summary>
internal sealed record RefusalBody
{
    public string? Message { get; init; }

    /// <summary>
    /// The server's words in a refusal's body: its message, else the body's text (a proxy or load balancer in
    /// front of the server may answer in HTML or plain text), else null. They are not yet safe to show.
    /// </summary>
    public static string? MessageOf(ReadOnlySpan<byte> body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, RindJsonContext.Default.RefusalBody)?.Message is { Length: > 0 } message)
            {
                return message;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the raw text says enough.
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        return text.Length > 0 ? text : null;
    }
}
