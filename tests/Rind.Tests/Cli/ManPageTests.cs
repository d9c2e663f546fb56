using System.Text.RegularExpressions;
using Rind.Cli;
using Rind.Tests.Processes;

namespace Rind.Tests.Cli;

/// <summary>
/// The manual page, docs/rind.1 (copied next to the tests by the project file), against the help it
/// documents: an option or variable that <c>rind --help</c> names and the page does not fails here, and
/// so does a page that man cannot render without a warning.
/// </summary>
public sealed partial class ManPageTests
{
    private static readonly TimeSpan ManDeadline = TimeSpan.FromSeconds(30);

    private static readonly string PagePath = Path.Combine(AppContext.BaseDirectory, "rind.1");

    private static readonly string[] Page = File.ReadAllText(PagePath).Split('\n');

    /// <summary>The options of --help as it spells them, with their values: "-H, --host ADDRESS", "--kube".</summary>
    public static TheoryData<string> HelpOptions() => [.. HelpOptionEntries()];

    /// <summary>The environment variables --help names.</summary>
    public static TheoryData<string> HelpVariables() => [.. HelpVariableNames()];

    [Fact]
    public void The_help_is_read_for_all_its_options_and_variables()
    {
        // Guards the parsing below: a help whose layout it no longer reads would otherwise check nothing.
        Assert.Contains("-H, --host ADDRESS", HelpOptionEntries());
        Assert.Contains("-e, --env KEY=VALUE", HelpOptionEntries());
        Assert.Contains("--kube-context NAME", HelpOptionEntries());
        Assert.Contains("--version", HelpOptionEntries());
        Assert.Contains("RIND_TIMEOUT", HelpVariableNames());
        Assert.Contains("KUBECONFIG", HelpVariableNames());
    }

    [Theory]
    [MemberData(nameof(HelpOptions))]
    public void Every_option_of_the_help_has_an_entry_in_the_options_section(string option)
    {
        Assert.Contains(option, Tags("OPTIONS"));
    }

    [Fact]
    public void Every_entry_of_the_options_section_is_an_option_of_the_help()
    {
        Assert.Empty(Tags("OPTIONS").Except(HelpOptionEntries()));
    }

    [Theory]
    [MemberData(nameof(HelpVariables))]
    public void Every_variable_of_the_help_has_an_entry_in_the_environment_section(string variable)
    {
        Assert.Contains(variable, Tags("ENVIRONMENT"));
    }

    [Fact]
    public void The_header_names_rind_in_section_1_and_carries_no_version_to_go_stale()
    {
        var header = Assert.Single(Page, line => line.StartsWith(".TH ", StringComparison.Ordinal));
        var words = Arguments(header[4..]);

        Assert.Equal(["RIND", "1"], words.Take(2));
        Assert.DoesNotContain(words, word => VersionLike().IsMatch(word));
        Assert.StartsWith("rind - ", Text(Section("NAME")[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Man_renders_the_page_at_80_columns_without_a_warning()
    {
        // -ww: every warning groff has, lines it cannot break at this width among them. The C locale, so
        // that a locale missing here puts no message of man's on stderr.
        var result = await ChildProcess.RunAsync(
            "man",
            ["--warnings=w", "-l", PagePath],
            new Dictionary<string, string?>
            {
                ["LC_ALL"] = "C",
                ["MANWIDTH"] = "80",
                ["MANPAGER"] = "cat",
                ["PAGER"] = "cat",
                ["MANOPT"] = null,
                ["MANROFFOPT"] = null,
            },
            timeout: ManDeadline);

        Assert.True(result.Stderr.Length == 0, $"man warned about {PagePath}:\n{result.Stderr}");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SYNOPSIS", result.Stdout, StringComparison.Ordinal);
    }

    private static List<string> HelpOptionEntries() =>
        [.. UsageText.Text.Split('\n')
            .Select(line => OptionLine().Match(line))
            .Where(match => match.Success)
            .Select(match =>
                (match.Groups["short"].Success ? $"-{match.Groups["short"].Value}, " : "")
                + $"--{match.Groups["long"].Value}"
                + (match.Groups["value"].Success ? $" {match.Groups["value"].Value}" : ""))];

    private static List<string> HelpVariableNames()
    {
        var lines = UsageText.Text.Split('\n');
        return [.. lines
            .SkipWhile(line => line != "Environment:")
            .Skip(1)
            .TakeWhile(line => line.Length > 0)
            .Select(line => VariableLine().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups["name"].Value)];
    }

    /// <summary>The lines of a section, after its .SH line and up to the next.</summary>
    private static string[] Section(string name) =>
        [.. Page
            .SkipWhile(line => line != $".SH {name}")
            .Skip(1)
            .TakeWhile(line => !line.StartsWith(".SH ", StringComparison.Ordinal))];

    /// <summary>The tag of each .TP entry of a section, as the reader sees it.</summary>
    private static List<string> Tags(string section)
    {
        var lines = Section(section);
        return [.. lines.Zip(lines.Skip(1)).Where(pair => pair.First == ".TP").Select(pair => Text(pair.Second))];
    }

    /// <summary>A line of the page as text: font changes and the macros .B and .I dropped, escapes resolved.</summary>
    private static string Text(string line)
    {
        if (line.StartsWith(".B ", StringComparison.Ordinal) || line.StartsWith(".I ", StringComparison.Ordinal))
        {
            line = string.Concat(Arguments(line[3..]));
        }

        return FontChange().Replace(line, "")
            .Replace(@"\-", "-", StringComparison.Ordinal)
            .Replace(@"\(aq", "'", StringComparison.Ordinal)
            .Replace(@"\(ti", "~", StringComparison.Ordinal)
            .Replace(@"\&", "", StringComparison.Ordinal)
            .Replace(@"\e", @"\", StringComparison.Ordinal);
    }

    /// <summary>A macro's arguments: words, or text in double quotes.</summary>
    private static string[] Arguments(string text) =>
        [.. MacroArgument().Matches(text).Select(match => match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Value)];

    // "  -H, --host ADDRESS  Engine to use", "      --kube          Run in …": an option at the start of a line.
    [GeneratedRegex(@"^  (?:-(?<short>\w), |    )--(?<long>[a-z][a-z-]*)(?: (?<value>\S+))?")]
    private static partial Regex OptionLine();

    [GeneratedRegex(@"^  (?<name>[A-Z][A-Z0-9_]*)\s")]
    private static partial Regex VariableLine();

    [GeneratedRegex(@"\\f(?:\[[^\]]*\]|\(..|.)")]
    private static partial Regex FontChange();

    [GeneratedRegex("\"(?<quoted>[^\"]*)\"|[^\\s\"]+")]
    private static partial Regex MacroArgument();

    [GeneratedRegex(@"\d+\.\d+")]
    private static partial Regex VersionLike();
}
