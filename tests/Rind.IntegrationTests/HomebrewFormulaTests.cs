using System.Text.RegularExpressions;
using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// The Homebrew formula build/pack.sh makes from a release's four archives: what Ruby says of it, which
/// archive it downloads on each platform and with which sha256, and what it installs, found by
/// evaluating it against a stand-in for Homebrew's formula DSL, as Homebrew does not run here. And what
/// build/pack.sh refuses to make a formula of.
/// </summary>
[Trait("Category", "Packaging")]
public sealed partial class HomebrewFormulaTests(PackedFormula formula) : IClassFixture<PackedFormula>, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// As much of Homebrew's formula DSL as rind.rb uses. It loads the formula for the platform
    /// FORMULA_OS (macos or linux) and FORMULA_ARCH (arm or intel): on_macos, on_linux, on_arm and
    /// on_intel run their block on that platform alone, as Homebrew's do, so the urls and sha256s it
    /// prints are the ones Homebrew would download and check there. With FORMULA_PREFIX it then installs
    /// as Homebrew does: the url's archive, taken from the folder FORMULA_ASSETS, checked against the
    /// sha256 and unpacked, install run in its one folder, and then the test block.
    /// </summary>
    private const string StandIn = """
        require "digest"
        require "fileutils"
        require "open3"
        require "pathname"
        require "tmpdir"

        # Homebrew's Pathname#install moves the files into the folder.
        class Pathname
          def install(*files)
            mkpath
            files.each { |file| FileUtils.mv(file, self / File.basename(file)) }
          end
        end

        class Formula
          class << self
            attr_reader :test_block

            def fields
              @fields ||= {}
            end

            def urls
              @urls ||= []
            end

            def sha256s
              @sha256s ||= []
            end

            %i[desc homepage version license].each do |field|
              define_method(field) { |value| fields[field] = value }
            end

            def url(address)
              urls << address
            end

            def sha256(digest)
              sha256s << digest
            end

            def on_macos
              yield if ENV.fetch("FORMULA_OS") == "macos"
            end

            def on_linux
              yield if ENV.fetch("FORMULA_OS") == "linux"
            end

            def on_arm
              yield if ENV.fetch("FORMULA_ARCH") == "arm"
            end

            def on_intel
              yield if ENV.fetch("FORMULA_ARCH") == "intel"
            end

            def test(&block)
              @test_block = block
            end
          end

          attr_reader :completions

          def initialize(prefix)
            @prefix = Pathname(prefix)
            @completions = []
          end

          def bin
            @prefix / "bin"
          end

          def man1
            @prefix / "share/man/man1"
          end

          def version
            self.class.fields.fetch(:version)
          end

          # As Homebrew runs it without shell_parameter_format: the command with each shell's name after it,
          # its output kept where Homebrew keeps each shell's completions.
          def generate_completions_from_executable(*commands, **options)
            @completions << [commands.map(&:to_s), options]
            {
              "bash" => "share/bash-completion/completions/rind",
              "zsh" => "share/zsh/site-functions/_rind",
              "fish" => "share/fish/vendor_completions.d/rind.fish",
            }.each do |shell, path|
              output, status = Open3.capture2(*commands.map(&:to_s), shell)
              raise "#{commands.join(" ")} #{shell} exited with #{status.exitstatus}" unless status.success?

              file = @prefix / path
              file.dirname.mkpath
              file.write(output)
            end
          end

          def shell_output(command)
            output, status = Open3.capture2(command)
            raise "#{command} exited with #{status.exitstatus}" unless status.success?

            output
          end

          def assert_match(expected, actual)
            raise "#{actual.inspect} does not contain #{expected.inspect}" unless actual.include?(expected)
          end
        end

        load ARGV.fetch(0)
        Rind.fields.each { |field, value| puts "#{field}=#{value}" }
        Rind.urls.each { |address| puts "url=#{address}" }
        Rind.sha256s.each { |digest| puts "sha256=#{digest}" }
        prefix = ENV["FORMULA_PREFIX"] or exit

        abort "not one url and one sha256 to install from" unless Rind.urls.size == 1 && Rind.sha256s.size == 1
        archive = File.join(ENV.fetch("FORMULA_ASSETS"), File.basename(Rind.urls.first))
        abort "#{archive} does not have the sha256 #{Rind.sha256s.first}" unless Digest::SHA256.file(archive).hexdigest == Rind.sha256s.first
        Dir.mktmpdir do |stage|
          system("tar", "-xzf", archive, "-C", stage, exception: true)
          folders = Dir.children(stage)
          abort "#{archive} holds #{folders.inspect}, not one folder" unless folders.size == 1 && File.directory?(File.join(stage, folders.first))
          rind = Rind.new(prefix)
          Dir.chdir(File.join(stage, folders.first)) { rind.install }
          rind.completions.each { |commands, options| puts "completions=#{commands.inspect} #{options.inspect}" }
          rind.instance_eval(&Rind.test_block)
          puts "test passed"
        end
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rind-it-brew-use-");

    private string Releases => $"https://github.com/{PackedFormula.Repository}/releases/download/v{formula.Version}/";

    [Fact]
    public async Task Ruby_finds_the_formula_s_syntax_correct()
    {
        var result = await ProcessRunner.RunAsync("ruby", ["-c", formula.FilePath], timeout: Deadline);

        Assert.Equal((0, "Syntax OK\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public void Every_url_names_an_archive_of_the_folder_and_every_sha256_is_that_archive_s_own()
    {
        var urls = Url().Matches(formula.Text).Select(match => match.Groups[1].Value).ToList();
        var sha256s = Sha256().Matches(formula.Text).Select(match => match.Groups[1].Value).ToList();

        // Each url is followed by its archive's sha256.
        Assert.Equal(4, urls.Count);
        Assert.Equal(urls.Count, sha256s.Count);
        foreach (var (url, sha256) in urls.Zip(sha256s))
        {
            Assert.StartsWith(Releases, url, StringComparison.Ordinal);
            var archive = Path.Combine(formula.Assets, url[Releases.Length..]);
            Assert.True(File.Exists(archive), $"{url} names no file of the folder");
            Assert.Equal(PackedFormula.Sha256Of(archive), sha256);
        }
    }

    [Fact]
    public void Each_of_the_four_runtimes_archives_is_named_exactly_once()
    {
        var urls = Url().Matches(formula.Text).Select(match => match.Groups[1].Value).ToList();

        Assert.All(PackedFormula.Runtimes, runtime =>
            Assert.Single(urls, url => url == Releases + PackedFormula.ArchiveName(formula.Version, runtime)));
    }

    [Fact]
    public void The_formula_describes_rind_with_its_home_page_and_version()
    {
        Assert.Contains("\nclass Rind < Formula\n", formula.Text, StringComparison.Ordinal);
        Assert.Contains($"\n  homepage \"https://github.com/{PackedFormula.Repository}\"\n", formula.Text, StringComparison.Ordinal);
        Assert.Contains($"\n  version \"{formula.Version}\"\n", formula.Text, StringComparison.Ordinal);
        Assert.Matches("\n  desc \"[A-Z][^\"\n]{0,78}[^.]\"\n", formula.Text);
    }

    [Theory]
    [InlineData("macos", "arm", "osx-arm64")]
    [InlineData("macos", "intel", "osx-x64")]
    [InlineData("linux", "arm", "linux-arm64")]
    [InlineData("linux", "intel", "linux-x64")]
    public async Task On_each_platform_the_formula_downloads_that_platform_s_archive_alone(string os, string arch, string runtime)
    {
        var result = await EvaluateAsync(os, arch);

        Assert.True(result.ExitCode == 0, result.ToString());
        var archive = PackedFormula.ArchiveName(formula.Version, runtime);
        string[] expected =
        [
            $"url={Releases}{archive}",
            $"sha256={PackedFormula.Sha256Of(Path.Combine(formula.Assets, archive))}",
        ];
        Assert.Equal(expected, Lines(result).Where(line => line.StartsWith("url=", StringComparison.Ordinal) || line.StartsWith("sha256=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Installed_here_the_formula_puts_rind_in_bin_and_the_manual_page_in_man1_and_its_test_passes()
    {
        var prefix = Path.Combine(_folder.FullName, "Cellar", "rind", formula.Version);
        var arch = PackedFormula.NativeRuntime == "linux-arm64" ? "arm" : "intel";

        var result = await EvaluateAsync("linux", arch, prefix);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(RindBinary.Path), await File.ReadAllBytesAsync(Path.Combine(prefix, "bin", "rind")));
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(RindBinary.RepositoryRoot, "docs", "rind.1")),
            await File.ReadAllBytesAsync(Path.Combine(prefix, "share", "man", "man1", "rind.1")));
        // No shell_parameter_format: Homebrew runs `rind --completion SHELL` for bash, zsh and fish.
        Assert.Contains($"completions=[\"{prefix}/bin/rind\", \"--completion\"] {{}}", Lines(result));
        foreach (var (shell, file) in new[] { ("bash", "bash-completion/completions/rind"), ("zsh", "zsh/site-functions/_rind"), ("fish", "fish/vendor_completions.d/rind.fish") })
        {
            var script = await RindBinary.RunAsync(["--completion", shell]);
            Assert.Equal(script.Stdout, await File.ReadAllTextAsync(Path.Combine(prefix, "share", file)));
        }

        Assert.Equal("test passed", Lines(result).Last());
    }

    [Fact]
    public async Task A_runtime_whose_archive_is_missing_is_refused_in_one_line()
    {
        CopyAssets(except: PackedFormula.ArchiveName(formula.Version, "osx-arm64"));

        var result = await PackAsync(formula.Version, PackedFormula.Repository);

        AssertRefused(result, $"no archive for osx-arm64 in {Assets}: {PackedFormula.ArchiveName(formula.Version, "osx-arm64")} is missing");
    }

    [Fact]
    public async Task Two_archives_for_one_runtime_are_refused_in_one_line()
    {
        CopyAssets();
        var other = PackedFormula.ArchiveName("0.0.1", "osx-x64");
        File.Copy(Path.Combine(Assets, PackedFormula.ArchiveName(formula.Version, "osx-x64")), Path.Combine(Assets, other));

        var result = await PackAsync(formula.Version, PackedFormula.Repository);

        AssertRefused(result, $"2 archives for osx-x64 in {Assets}: {other}, {PackedFormula.ArchiveName(formula.Version, "osx-x64")}");
    }

    [Fact]
    public async Task A_sha256_file_that_does_not_agree_with_its_archive_is_refused_in_one_line()
    {
        CopyAssets();
        var archive = Path.Combine(Assets, PackedFormula.ArchiveName(formula.Version, "linux-arm64"));
        await File.WriteAllTextAsync(archive + ".sha256", $"{new string('0', 64)}  {Path.GetFileName(archive)}\n");

        var result = await PackAsync(formula.Version, PackedFormula.Repository);

        AssertRefused(result, $"{archive}.sha256 does not agree with the archive, whose sha256 is {PackedFormula.Sha256Of(archive)}");
    }

    [Theory]
    [InlineData("1.2.3\"; system \"id")]
    [InlineData("1.2.3#{`id`}")]
    [InlineData("1.2.3\n  system \"id\"\n")]
    [InlineData("1.2.3 ")]
    [InlineData("1.2.3/../../v9")]
    public async Task A_version_not_of_a_release_s_form_is_refused_in_one_line(string version)
    {
        CopyAssets();

        var result = await PackAsync(version, PackedFormula.Repository);

        AssertRefused(result, "make_formula: version ");
    }

    [Theory]
    [InlineData("rind-tests/rind\"; system \"id")]
    [InlineData("rind-tests/#{`id`}")]
    [InlineData("rind-tests/rind\nend")]
    [InlineData("rind-tests")]
    [InlineData("../rind")]
    [InlineData("rind-tests/..")]
    public async Task A_repository_not_of_GitHub_s_owner_and_name_form_is_refused_in_one_line(string repository)
    {
        CopyAssets();

        var result = await PackAsync(formula.Version, repository);

        AssertRefused(result, "make_formula: repository ");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Assets => Path.Combine(_folder.FullName, "assets");

    private string Output => Path.Combine(_folder.FullName, "formula");

    /// <summary>Runs the stand-in DSL on the formula for a platform; with a prefix, installs there too.</summary>
    private async Task<ProcessResult> EvaluateAsync(string os, string arch, string? prefix = null)
    {
        var script = Path.Combine(_folder.FullName, "formula-stand-in.rb");
        await File.WriteAllTextAsync(script, StandIn + "\n");
        return await ProcessRunner.RunAsync(
            "ruby",
            [script, formula.FilePath],
            environment: new Dictionary<string, string?>
            {
                ["FORMULA_OS"] = os,
                ["FORMULA_ARCH"] = arch,
                ["FORMULA_ASSETS"] = formula.Assets,
                ["FORMULA_PREFIX"] = prefix,
            },
            timeout: Deadline);
    }

    private static string[] Lines(ProcessResult result) => result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The fixture's assets, in a folder of this test's own to change.</summary>
    private void CopyAssets(string? except = null)
    {
        Directory.CreateDirectory(Assets);
        foreach (var file in Directory.GetFiles(formula.Assets).Where(file => Path.GetFileName(file) != except))
        {
            File.Copy(file, Path.Combine(Assets, Path.GetFileName(file)));
        }
    }

    private Task<ProcessResult> PackAsync(string version, string repository) =>
        PackedFormula.PackAsync(Assets, Output, version, repository);

    /// <summary>Exit code 2, one line on stderr that says <paramref name="message"/>, and no formula.</summary>
    private void AssertRefused(ProcessResult result, string message)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.EndsWith("\n", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Output, "rind.rb")), "a formula was made all the same");
    }

    [GeneratedRegex("^ *url \"([^\"]*)\"$", RegexOptions.Multiline)]
    private static partial Regex Url();

    [GeneratedRegex("^ *sha256 \"([^\"]*)\"$", RegexOptions.Multiline)]
    private static partial Regex Sha256();
}
