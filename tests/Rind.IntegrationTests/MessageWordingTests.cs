using System.Text.RegularExpressions;
using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// Failures a user can meet reach them as sentences: never as the runtime's resource keys
/// (net_io_readfailure, Cryptography_X509_NoPemCertificate, ExpectedStartOfValueNotFound).
/// </summary>
public sealed partial class MessageWordingTests : IDisposable
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rind-it-wording-");

    [Fact]
    public async Task A_config_file_that_is_not_json_is_named_in_words()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "config.json"), "{nope");

        var result = await RindBinary.RunAsync(
            ["true"], environment: new Dictionary<string, string?> { ["DOCKER_CONFIG"] = _folder.FullName, ["DOCKER_HOST"] = null, ["DOCKER_CONTEXT"] = null });

        AssertOneSentence(result, $"rind: cannot read the Docker CLI's config file {_folder.FullName}/config.json: ");
    }

    [Fact]
    public async Task A_client_certificate_file_that_holds_no_certificate_is_named_in_words()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "cert.pem"), "garbage");
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "key.pem"), "garbage");

        var result = await RindBinary.RunAsync(
            ["true"],
            environment: new Dictionary<string, string?>
            {
                ["DOCKER_HOST"] = "tcp://127.0.0.1:9", ["DOCKER_TLS"] = "1", ["DOCKER_TLS_VERIFY"] = null, ["DOCKER_CERT_PATH"] = _folder.FullName,
            });

        AssertOneSentence(result, $"rind: cannot load the client certificate {_folder.FullName}/cert.pem with its key ");
    }

    [Fact]
    public async Task An_engine_answer_that_is_not_json_is_named_in_words()
    {
        using var engine = new FaultyEngine((request, answer) =>
            request.Endpoint == "/containers/json" ? Json(answer, "[{,}]") : answer.AsEngine(request));

        var result = await RindBinary.RunAsync(["true"], environment: engine.Environment, timeout: Bounded);

        AssertOneSentence(result, $"rind: the engine at {engine.Host} gave an answer rind cannot read (");
    }

    [Fact]
    public async Task An_engine_that_goes_away_in_the_middle_of_the_output_is_named_in_words()
    {
        using var engine = new FaultyEngine((request, answer) =>
        {
            if (!request.Endpoint.EndsWith("/start", StringComparison.Ordinal))
            {
                return answer.AsEngine(request);
            }

            answer.Upgrade();
            answer.Send(FaultyEngineResponse.Frame(1, "some output\n").AsSpan(0, 12));
            return false;
        });

        var result = await RindBinary.RunAsync(["true"], environment: engine.Environment, timeout: Bounded);

        Assert.Equal("some", result.Stdout);
        AssertOneSentence(result, "rind: the connection to the engine broke off: ");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static bool Json(FaultyEngineResponse answer, string json)
    {
        answer.Json(200, json);
        return true;
    }

    private static void AssertOneSentence(ProcessResult result, string start)
    {
        Assert.Equal(125, result.ExitCode);
        Assert.StartsWith(start, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotMatch(ResourceKey(), result.Stderr);
    }

    /// <summary>A resource key: words joined by underscores, or four and more capitalised words run together.</summary>
    [GeneratedRegex(@"\b[A-Za-z0-9]+_[A-Za-z0-9_]+\b|\b(?:[A-Z][a-z]+){4,}\b")]
    private static partial Regex ResourceKey();
}
