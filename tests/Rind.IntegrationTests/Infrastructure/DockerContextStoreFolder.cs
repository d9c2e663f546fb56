using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A Docker CLI config folder of the test's own, with contexts laid out as the CLI's context store does.
/// </summary>
public sealed class DockerContextStoreFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rind-it-docker-config-");

    public DockerContextStoreFolder(string? currentContext = null)
    {
        var config = currentContext is null ? "{}" : JsonSerializer.Serialize(new Dictionary<string, string> { ["currentContext"] = currentContext });
        File.WriteAllText(System.IO.Path.Combine(Path, "config.json"), config);
    }

    public string Path => _folder.FullName;

    public void AddContext(string name, string host, string? tlsFilesFrom = null)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        var meta = Directory.CreateDirectory(System.IO.Path.Combine(Path, "contexts", "meta", id));
        var json = "{\"Name\":" + JsonSerializer.Serialize(name) + ",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":"
            + JsonSerializer.Serialize(host) + ",\"SkipTLSVerify\":false}}}";
        File.WriteAllText(System.IO.Path.Combine(meta.FullName, "meta.json"), json);
        if (tlsFilesFrom is not null)
        {
            var tls = Directory.CreateDirectory(System.IO.Path.Combine(Path, "contexts", "tls", id, "docker"));
            foreach (var file in new[] { "ca.pem", "cert.pem", "key.pem" })
            {
                File.Copy(System.IO.Path.Combine(tlsFilesFrom, file), System.IO.Path.Combine(tls.FullName, file));
            }
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
