using SharedServices.Core.Access;

namespace SharedServices.Core.Tests.Access;

/// <summary>The first guesses are refused (the tester's four got through on length alone); ordinary phrases pass.</summary>
public sealed class CommonPasswordsTests
{
    private static async Task<string?> RefusalAsync(string password, string email = "jane.smith@iwc.example")
    {
        var result = await new CommonPasswords().ValidateAsync(null!, new UserAccount { Email = email }, password);
        return result.Succeeded ? null : Assert.Single(result.Errors).Description;
    }

    [Theory]
    [InlineData("password1234", "password")]
    [InlineData("Password123!", "password")]
    [InlineData("PASSW0RD-2026", "passw0rd")]
    [InlineData("qwertyuiop12", "qwerty")]
    [InlineData("letmein-now-please", "letmein")]
    [InlineData("999123456789", "123456")]
    [InlineData("our-council-2026", "council")]
    public async Task CommonWord_Refused_NamingIt(string password, string word) =>
        Assert.Equal($"\"{word}\" is among the first things guessed; choose a password without it, such as three unrelated words.", await RefusalAsync(password));

    [Theory]
    [InlineData("jane.smith-2026!", "jane.smith@iwc.example")] // the e-mail's name
    [InlineData("iwc.example123", "jane.smith@iwc.example")]    // the council's part of the address
    public async Task OwnNameOrCouncil_Refused(string password, string email) =>
        Assert.Equal("It must not contain your e-mail address or your council's name.", await RefusalAsync(password, email));

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("try-every-view-2026")]
    [InlineData("a long first phrase here")]
    public async Task OrdinaryPhrase_Accepted(string password) => Assert.Null(await RefusalAsync(password));
}
