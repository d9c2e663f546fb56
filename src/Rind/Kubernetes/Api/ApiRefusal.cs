using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Rind.Diagnostics;
using Rind.Serialization;

namespace Rind.Kubernetes.Api;

/// <summary>
/// What rind says when the API server refuses a request: the server's own Status.message (it names the
/// user, the resource and the namespace), or its raw words where a proxy answered instead.
/// </summary>
internal static class ApiRefusal
{
    public static RindException Describe(string cluster, string what, HttpStatusCode status, ReadOnlySpan<byte> body)
    {
        var code = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status}");
        var hint = status == HttpStatusCode.Unauthorized
            ? "; the kubeconfig's credentials were not accepted (log in again: oc login, or your cloud's get-credentials)"
            : "";
        return new RindException($"{cluster} refused {what} ({code}): {Shown(body)}{hint}");
    }

    /// <summary>The server's words from a refusal's body, made safe to show; "no reason given" when it gave none.</summary>
    public static string Shown(ReadOnlySpan<byte> body) => MessageOf(body) is { } words ? UntrustedText.Show(words) : "no reason given";

    /// <summary>The message of a Status body, else the body's text, else null.</summary>
    public static string? MessageOf(ReadOnlySpan<byte> body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, RindJsonContext.Default.ApiStatus)?.Message is { Length: > 0 } message)
            {
                return message;
            }
        }
        catch (JsonException)
        {
            // A proxy or load balancer in front of the server may answer in HTML or plain text.
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        return text.Length > 0 ? text : null;
    }
}
