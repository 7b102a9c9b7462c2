using System.CommandLine;

namespace SharedServices.Cli;

/// <summary>
/// `sharedservices db init`: the one command that creates a database (with <c>--seed</c>, every data command may
/// too). It brings the schema up to date, generates the bank holidays and loads the seed data if given.
/// </summary>
internal static class DbCommand
{
    public static Command Command(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var init = new Command("init", "Create the database if it is missing, bring its schema up to date and load --seed FOLDER if given.")
        {
            common.DataFolder, common.Postgres, common.Seed,
        };
        init.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel, create: true);
            var (organisations, partnerships) = await database.CountAsync(cancel);
            parse.InvocationConfiguration.Output.WriteLine(
                $"Database ready: {database.Get<Core.Persistence.SharedServicesDbContextFactory>().Settings.Describe()}, " +
                $"with {organisations} organisations and {partnerships} partnerships.");
            return ExitCodes.Ok;
        });
        return new Command("db", "The database itself.") { init };
    }
}
