using System.Globalization;
using System.Net;
using Rind.Diagnostics;
using Rind.Transport.Http;

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
    public static string Shown(ReadOnlySpan<byte> body) => RefusalBody.MessageOf(body) is { } words ? UntrustedText.Show(words) : "no reason given";
}
