using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class ExecOptionTests
{
    [Fact]
    public async Task Env_sets_variables_and_passes_rinds_own()
    {
        await using var container = await LabelledContainer.StartAsync();

        var result = await RindBinary.RunAsync(
            ["-e", "GREETING=hello  world", "--env", "FROM_RIND", "-e", "NOT_SET_ANYWHERE", "sh", "-c", "echo \"$GREETING|$FROM_RIND|${NOT_SET_ANYWHERE-unset}\""],
            environment: new Dictionary<string, string?> { ["FROM_RIND"] = "passed on", ["NOT_SET_ANYWHERE"] = null });

        Assert.Equal("hello  world|passed on|unset\n", result.Stdout);
    }

    [Theory]
    [InlineData(null, "0")]
    [InlineData("app", "1000")]
    public async Task User_runs_as_that_user(string? user, string expectedUid)
    {
        await using var container = await LabelledContainer.StartAsync(preStep: "true");

        var result = await RindBinary.RunAsync(user is null ? ["id", "-u"] : ["-u", user, "id", "-u"]);

        Assert.Equal(expectedUid + "\n", result.Stdout);
    }

    [Fact]
    public async Task The_user_label_is_the_default_user()
    {
        await using var container = await LabelledContainer.StartAsync(labels: new Dictionary<string, string> { ["app.rind.user"] = "1000" });

        var byLabel = await RindBinary.RunAsync(["id", "-u"]);
        var byOption = await RindBinary.RunAsync(["-u", "0", "id", "-u"]);

        Assert.Equal("1000\n", byLabel.Stdout);
        Assert.Equal("0\n", byOption.Stdout);
    }

    [Fact]
    public async Task Privileged_gives_the_command_every_capability()
    {
        await using var container = await LabelledContainer.StartAsync();

        var plain = await RindBinary.RunAsync(["sh", "-c", "grep CapEff /proc/self/status"]);
        var privileged = await RindBinary.RunAsync(["--privileged", "sh", "-c", "grep CapEff /proc/self/status"]);

        Assert.Equal(0, plain.ExitCode);
        if (privileged.ExitCode == 0)
        {
            // Every capability this machine can give: the bounding set of the test's own process.
            var bounding = (await File.ReadAllLinesAsync("/proc/self/status")).Single(line => line.StartsWith("CapBnd:", StringComparison.Ordinal));
            Assert.Equal(bounding.Split('\t')[^1].Trim(), privileged.Stdout.Split('\t')[^1].Trim());
            Assert.NotEqual(plain.Stdout, privileged.Stdout);
        }
        else
        {
            // A sandbox that may not grant every capability refuses the privileged exec, which
            // shows as well that the engine was asked for one.
            Assert.Equal(126, privileged.ExitCode);
            Assert.Contains("unable to apply caps", privileged.Stderr, StringComparison.Ordinal);
        }
    }
}
