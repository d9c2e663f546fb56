using Rind.Docker.Configuration;

namespace Rind.Tests.Docker.Configuration;

/// <summary>The names of the Docker CLI's contexts, as --context completes them.</summary>
public sealed class DockerContextStoreNamesTests : IDisposable
{
    private readonly DirectoryInfo _config = Directory.CreateTempSubdirectory("rind-contexts-");

    public void Dispose() => _config.Delete(recursive: true);

    [Fact]
    public void Without_a_context_store_there_is_only_default()
    {
        Assert.Equal(["default"], DockerContextStore.Names(_config.FullName));
    }

    [Fact]
    public void Without_the_config_folder_there_is_only_default()
    {
        Assert.Equal(["default"], DockerContextStore.Names(Path.Combine(_config.FullName, "none")));
    }

    [Fact]
    public void The_contexts_of_the_store_follow_default()
    {
        Context("a1", """{"Name":"remote","Metadata":{},"Endpoints":{"docker":{"Host":"ssh://me@server"}}}""");
        Context("b2", """{"Name":"rootless","Metadata":{"Description":"Rootless mode"},"Endpoints":{"docker":{"Host":"unix:///run/user/1000/docker.sock"}}}""");

        var names = DockerContextStore.Names(_config.FullName);

        Assert.Equal("default", names[0]);
        Assert.Equal(["remote", "rootless"], names.Skip(1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_context_that_cannot_be_read_is_passed_over()
    {
        Context("a1", """{"Name":"remote","Endpoints":{}}""");
        Context("b2", "{ not json");
        Context("c3", """{"Metadata":{}}""");
        Context("d4", """{"Name":"","Endpoints":{}}""");
        Directory.CreateDirectory(Path.Combine(_config.FullName, "contexts", "meta", "e5", "meta.json"));
        Directory.CreateDirectory(Path.Combine(_config.FullName, "contexts", "meta", "f6"));

        var names = DockerContextStore.Names(_config.FullName);

        Assert.Equal(["default", "remote"], names);
    }

    private void Context(string id, string meta)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_config.FullName, "contexts", "meta", id));
        File.WriteAllText(Path.Combine(folder.FullName, "meta.json"), meta);
    }
}
