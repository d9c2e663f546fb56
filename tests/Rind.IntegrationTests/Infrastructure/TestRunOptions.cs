using System.Globalization;
using Docker.DotNet.Models;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// What the engine needs to start any container, given as <c>docker run</c> options separated by
/// spaces in RIND_TEST_RUN_OPTIONS: build/test.sh's Podman pass gives explicit <c>--ulimit</c>
/// options, as Podman as root on a host with low hard rlimits cannot start a container with its own.
/// Only <c>--ulimit</c> is understood; any other option is refused rather than dropped unseen.
/// </summary>
public static class TestRunOptions
{
    public const string Variable = "RIND_TEST_RUN_OPTIONS";

    /// <summary>The <c>--ulimit NAME=SOFT[:HARD]</c> options, as the engine's HostConfig takes them; a fresh list each time.</summary>
    public static List<Ulimit> Ulimits()
    {
        var options = (Environment.GetEnvironmentVariable(Variable) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        List<Ulimit> ulimits = [];
        for (var i = 0; i < options.Length; i++)
        {
            var value = options[i] switch
            {
                "--ulimit" when i + 1 < options.Length => options[++i],
                var option when option.StartsWith("--ulimit=", StringComparison.Ordinal) => option["--ulimit=".Length..],
                var option => throw new InvalidOperationException(
                    $"{Variable} holds {option}: the tests understand only --ulimit NAME=SOFT[:HARD] there"),
            };
            ulimits.Add(Parse(value));
        }

        return ulimits;
    }

    /// <summary>The same as a compose service's <c>ulimits:</c>, indented for a service of a compose file; empty when there are none.</summary>
    public static string ComposeUlimits()
    {
        var ulimits = Ulimits();
        if (ulimits.Count == 0)
        {
            return "";
        }

        var text = new System.Text.StringBuilder("    ulimits:\n");
        foreach (var ulimit in ulimits)
        {
            text.Append(CultureInfo.InvariantCulture, $"      {ulimit.Name}: {{soft: {ulimit.Soft}, hard: {ulimit.Hard}}}\n");
        }

        return text.ToString();
    }

    private static Ulimit Parse(string value)
    {
        var parts = value.Split('=', 2);
        var limits = parts.Length == 2 ? parts[1].Split(':').Select(Number).ToArray() : [];
        if (parts[0].Length == 0 || limits is not ([not null] or [not null, not null]))
        {
            throw new InvalidOperationException($"{Variable} holds --ulimit {value}, not NAME=SOFT[:HARD]");
        }

        // As in docker run: without a hard limit, the soft one is both.
        return new Ulimit { Name = parts[0], Soft = limits[0]!.Value, Hard = limits[^1]!.Value };
    }

    private static long? Number(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
}
