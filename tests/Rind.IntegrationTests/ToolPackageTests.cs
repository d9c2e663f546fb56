using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// <c>dotnet tool install rind</c> from the packages build/pack.sh makes. Slow: packing compiles rind
/// natively (build/test.sh runs these once, against Docker only).
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Packaging")]
public sealed class ToolPackageTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_installed_command_is_the_native_executable_and_not_a_framework_dependent_program()
    {
        var target = new FileInfo(tool.CommandPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? tool.CommandPath;

        using (var file = File.OpenRead(target))
        {
            Span<byte> magic = stackalloc byte[4];
            file.ReadExactly(magic);
            Assert.True(magic.SequenceEqual("\u007fELF"u8), $"{target} is not an ELF executable");
        }

        var managed = Directory.EnumerateFiles(tool.ToolPath, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".dll", StringComparison.Ordinal) || path.EndsWith(".runtimeconfig.json", StringComparison.Ordinal));
        Assert.Empty(managed);
    }

    [Fact]
    public async Task The_installed_command_shows_its_version()
    {
        var result = await ProcessRunner.RunAsync(tool.CommandPath, ["--version"], timeout: Deadline);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("rind ", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task The_installed_command_runs_a_command_in_the_labelled_container()
    {
        await using var container = await LabelledContainer.StartAsync();

        var result = await ProcessRunner.RunAsync(tool.CommandPath, ["sh", "-c", "echo installed; exit 3"], timeout: Deadline);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("installed\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }
}
