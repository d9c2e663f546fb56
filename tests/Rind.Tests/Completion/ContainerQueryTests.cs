using Rind.Completion;
using Rind.Tests.Processes;

namespace Rind.Tests.Completion;

/// <summary>
/// The one command that completes a word inside the container. The listing runs here in the host's
/// /bin/sh (dash), in a folder of the test's own.
/// </summary>
public sealed class ContainerQueryTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rind-completion-query-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("manage.py")]
    [InlineData("./manage.py")]
    [InlineData("path/to/manage.py")]
    [InlineData("django-admin")]
    public void Djangos_own_command_is_run_asking_for_its_completion(string program)
    {
        var query = ContainerQuery.For([program, "migrate"], "--fa");

        Assert.Equal([program], query.Argv);
        Assert.Equal(["DJANGO_AUTO_COMPLETE=1", $"COMP_WORDS={program.Split('/')[^1]} migrate --fa", "COMP_CWORD=2"], query.Environment);
        Assert.True(query.SpaceSeparated);
    }

    [Theory]
    [InlineData("python")]
    [InlineData("python3")]
    [InlineData("python3.11")]
    [InlineData("/usr/bin/python3")]
    public void Python_running_manage_py_asks_django_with_words_counted_from_manage_py(string python)
    {
        var query = ContainerQuery.For([python, "manage.py"], "mig");

        Assert.Equal([python, "manage.py"], query.Argv);
        Assert.Equal(["DJANGO_AUTO_COMPLETE=1", "COMP_WORDS=manage.py mig", "COMP_CWORD=1"], query.Environment);
    }

    [Fact]
    public void The_empty_word_about_to_be_typed_is_counted()
    {
        var query = ContainerQuery.For(["./manage.py", "migrate"], "");

        Assert.Equal(["DJANGO_AUTO_COMPLETE=1", "COMP_WORDS=manage.py migrate ", "COMP_CWORD=2"], query.Environment);
    }

    [Fact]
    public void Python_m_django_asks_django_with_words_counted_from_django()
    {
        var query = ContainerQuery.For(["python3", "-m", "django", "check"], "--");

        Assert.Equal(["python3", "-m", "django"], query.Argv);
        Assert.Equal(["DJANGO_AUTO_COMPLETE=1", "COMP_WORDS=django check --", "COMP_CWORD=2"], query.Environment);
        Assert.True(query.SpaceSeparated);
    }

    [Theory]
    [InlineData("pip")]
    [InlineData("pip3")]
    [InlineData("pip3.12")]
    public void Pip_is_run_asking_for_its_completion(string pip)
    {
        var query = ContainerQuery.For([pip], "ins");

        Assert.Equal([pip], query.Argv);
        Assert.Equal(["PIP_AUTO_COMPLETE=1", $"COMP_WORDS={pip} ins", "COMP_CWORD=1"], query.Environment);
        Assert.True(query.SpaceSeparated);
    }

    [Fact]
    public void Python_m_pip_asks_pip_with_words_counted_from_pip()
    {
        var query = ContainerQuery.For(["python", "-m", "pip", "install"], "-");

        Assert.Equal(["python", "-m", "pip"], query.Argv);
        Assert.Equal(["PIP_AUTO_COMPLETE=1", "COMP_WORDS=pip install -", "COMP_CWORD=2"], query.Environment);
    }

    [Theory]
    [InlineData("python")]
    [InlineData("pythonista")]
    [InlineData("pipx")]
    [InlineData("ls")]
    public void Another_command_lists_files_starting_with_the_word(string command)
    {
        var query = ContainerQuery.For([command], "ma");

        Assert.Equal("/bin/sh", query.Argv[0]);
        Assert.Equal("-c", query.Argv[1]);
        Assert.Equal(["rind", "file", "ma"], query.Argv.Skip(3));
        Assert.Empty(query.Environment);
        Assert.False(query.SpaceSeparated);
    }

    [Theory]
    [InlineData("", "command")]
    [InlineData("pyth", "command")]
    [InlineData("./ma", "file")]
    [InlineData("/usr/bin/py", "file")]
    public void The_command_name_lists_commands_unless_it_is_a_path(string word, string mode)
    {
        var query = ContainerQuery.For([], word);

        Assert.Equal(["rind", mode, word], query.Argv.Skip(3));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ls")]
    public void A_hostile_word_is_an_argument_of_the_script_and_never_part_of_it(string command)
    {
        const string word = "$(touch x)'\"`id`";

        var query = ContainerQuery.For(command.Length == 0 ? [] : [command], word);

        Assert.Equal(word, query.Argv[^1]);
        Assert.DoesNotContain("touch", query.Argv[2], StringComparison.Ordinal);
        Assert.DoesNotContain("`id`", query.Argv[2], StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_listing_names_files_and_folders_with_a_slash_each_ended_by_a_nul()
    {
        MakeFiles();

        var names = await ListAsync("file", "");

        Assert.Equal(["-dash", "manage.py", "my file", "mysite/", "new\nline"], names.Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_listing_keeps_only_names_starting_with_the_word()
    {
        MakeFiles();

        var names = await ListAsync("file", "m");

        Assert.Equal(["manage.py", "my file", "mysite/"], names.Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_listing_goes_into_a_folder_the_word_names()
    {
        MakeFiles();

        var names = await ListAsync("file", "mysite/");

        Assert.Equal(["mysite/settings.py", "mysite/urls.py"], names.Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_dotfile_is_listed_only_for_a_word_starting_with_a_dot()
    {
        MakeFiles();

        Assert.DoesNotContain(".hidden", await ListAsync("file", ""));
        Assert.Contains(".hidden", await ListAsync("file", "."));
        Assert.Equal([".hidden"], await ListAsync("file", ".h"));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_folder_itself_and_its_parent_are_never_listed()
    {
        MakeFiles();

        var names = await ListAsync("file", ".");

        Assert.DoesNotContain("./", names);
        Assert.DoesNotContain("../", names);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_word_starting_with_a_dash_is_no_option_of_the_shells_commands()
    {
        MakeFiles();

        Assert.Equal(["-dash"], await ListAsync("file", "-"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_dangling_symbolic_link_is_listed()
    {
        File.CreateSymbolicLink(Path.Combine(_folder.FullName, "gone"), Path.Combine(_folder.FullName, "nowhere"));

        Assert.Equal(["gone"], await ListAsync("file", "g"));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("*")]
    [InlineData("?")]
    [InlineData("[a-z]")]
    public async Task Glob_characters_in_the_word_are_matched_as_they_are(string word)
    {
        MakeFiles();
        File.WriteAllText(Path.Combine(_folder.FullName, word + "literal"), "");

        Assert.Equal([word + "literal"], await ListAsync("file", word));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_word_with_a_command_substitution_is_matched_and_never_run()
    {
        MakeFiles();

        var names = await ListAsync("file", "$(touch pwned)");

        Assert.Empty(names);
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "pwned")));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_command_listing_names_the_executable_files_on_PATH()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_folder.FullName, "bin")).FullName;
        var other = Directory.CreateDirectory(Path.Combine(_folder.FullName, "other bin")).FullName;
        MakeFile(Path.Combine(bin, "rindtool"), executable: true);
        MakeFile(Path.Combine(bin, "rindtext"), executable: false);
        MakeFile(Path.Combine(other, "rindother"), executable: true);
        MakeFile(Path.Combine(bin, "unrelated"), executable: true);
        Directory.CreateDirectory(Path.Combine(bin, "rindfolder"));

        var names = await ListAsync("command", "rind", path: $"{bin}:{other}");

        Assert.Equal(["rindother", "rindtool"], names.Order(StringComparer.Ordinal));
    }

    private void MakeFiles()
    {
        var site = Directory.CreateDirectory(Path.Combine(_folder.FullName, "mysite")).FullName;
        foreach (var name in new[] { "manage.py", "my file", "new\nline", "-dash", ".hidden", Path.Combine(site, "settings.py"), Path.Combine(site, "urls.py") })
        {
            File.WriteAllText(Path.Combine(_folder.FullName, name), "");
        }
    }

    private static void MakeFile(string path, bool executable)
    {
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, executable ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Runs the query's argv as the container would, in the test's folder, and splits its stdout at each NUL.</summary>
    private async Task<string[]> ListAsync(string mode, string word, string path = "/usr/bin:/bin")
    {
        var query = ContainerQuery.For(mode == "command" ? [] : ["ls"], word);
        Assert.Equal(mode, query.Argv[4]);
        var result = await ChildProcess.RunAsync(
            query.Argv[0], query.Argv.Skip(1), new Dictionary<string, string?> { ["PATH"] = path }, workingDirectory: _folder.FullName, timeout: TimeSpan.FromSeconds(20));
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        var output = result.Stdout;
        Assert.True(output.Length == 0 || output.EndsWith('\0'), "each name is ended by a NUL");
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }
}
