using System.Text.Json;
using Rind.Diagnostics;
using Rind.Serialization;

namespace Rind.Kubernetes.Configuration;

/// <summary>Reads a credential plugin's stdout as kubectl does: an ExecCredential of the version asked for, with credentials.</summary>
internal static class ExecCredentialAnswer
{
    /// <param name="plugin">Which plugin answered, for messages.</param>
    /// <exception cref="RindException">The response holds no usable credentials, said in one line.</exception>
    public static ExecCredentialStatus Read(byte[] output, string apiVersion, string plugin)
    {
        ExecCredential? answer;
        try
        {
            answer = JsonSerializer.Deserialize(output, RindJsonContext.Default.ExecCredential);
        }
        catch (JsonException exception)
        {
            throw new RindException($"{plugin} answered something other than an ExecCredential: {JsonFailure.Describe(exception)}", innerException: exception);
        }

        if (answer?.Kind != ExecCredential.KindName)
        {
            throw new RindException($"{plugin} answered a kind other than ExecCredential: \"{UntrustedText.Show(answer?.Kind)}\"");
        }

        if (answer.ApiVersion != apiVersion)
        {
            throw new RindException($"{plugin} answered in apiVersion \"{UntrustedText.Show(answer.ApiVersion)}\", but the kubeconfig asks for {apiVersion}");
        }

        var status = answer.Status ?? throw new RindException($"{plugin} answered without a status");
        var hasCertificate = !string.IsNullOrEmpty(status.ClientCertificateData);
        var hasKey = !string.IsNullOrEmpty(status.ClientKeyData);
        if (string.IsNullOrEmpty(status.Token) && !hasCertificate && !hasKey)
        {
            throw new RindException($"{plugin} answered neither a token nor a client certificate");
        }

        return hasCertificate == hasKey
            ? status
            : throw new RindException($"{plugin} answered a client {(hasCertificate ? "certificate without its key" : "key without its certificate")}");
    }
}
