using SharedServices.Core.Persistence;

namespace SharedServices.Core.Tests.Persistence;

public sealed class DatabaseSettingsTests
{
    [Theory]
    [InlineData("Host=db;Username=app;Password=s3cr3t")]
    [InlineData("Host=db;Username=app;password=s3cr3t")]
    [InlineData("Host=db;Username=app;PASSWORD=s3cr3t")]
    [InlineData("Host=db;Username=app;Pwd=s3cr3t")]
    [InlineData("Host=db;Username=app;PSW=s3cr3t")]
    [InlineData("Host=db;Username=app; Password = s3cr3t ")]
    [InlineData("Password=s3cr3t;Host=db;Username=app")]
    [InlineData("Host=db;Username=app;Password=\"s3cr3t;Port=1\"")]
    [InlineData("Host=db;Username=app;Password='s3cr3t;Port=1'")]
    [InlineData("Host=db;Username=app;Pwd='s3cr3t;Port=1'")]
    [InlineData("Host=db;Username=app;SSL Password=s3cr3t")]
    public void Describe_Postgres_ShowsWhereButNoPasswordInAnySpelling(string connectionString)
    {
        var description = DatabaseSettings.ForPostgres(connectionString).Describe();

        Assert.StartsWith("PostgreSQL ", description);
        Assert.Contains("Host=db", description);
        Assert.Contains("Username=app", description);
        Assert.DoesNotContain("s3cr3t", description);
        Assert.DoesNotContain("Port=1", description); // the tail of a quoted password is not a setting
        foreach (var keyword in new[] { "Password", "Pwd", "PSW" })
            Assert.DoesNotContain(keyword, description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Describe_UnreadablePostgresString_ShowsNothingOfIt()
    {
        var description = DatabaseSettings.ForPostgres("Host=db;Passwrd=s3cr3t").Describe();

        Assert.Equal("PostgreSQL (the connection string could not be read)", description);
    }

    [Fact]
    public void Describe_Sqlite_IsTheFile()
    {
        Assert.Equal("SQLite /var/lib/sharedservices/sharedservices.db",
            DatabaseSettings.ForSqliteFile("/var/lib/sharedservices/sharedservices.db").Describe());
    }
}
