package org.qualitymonth.assistant.channel.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: no download, no
 * internet. Paths can be changed with {@code -Dchromium.binary=...} and
 * {@code -Dchromedriver.binary=...}.
 */
final class HeadlessChromium implements AutoCloseable {

	static final int DESKTOP_WIDTH = 1280;

	static final int DESKTOP_HEIGHT = 900;

	static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	HeadlessChromium() {
		String browser = System.getProperty("chromium.binary", "/usr/bin/chromium");
		String chromedriver = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
		assertThat(new File(browser)).as("Chromium (apt-get install chromium; see .ci/run)").canRead();
		assertThat(new File(chromedriver)).as("chromedriver (apt-get install chromium-driver; see .ci/run)").canRead();
		try {
			this.profile = Files.createTempDirectory("chromium-profile");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-extensions", "--user-data-dir=" + profile, "--lang=zh-CN",
				"--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
	}

	ChromeDriver driver() {
		return driver;
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	/**
	 * A phone's screen: 360 CSS pixels wide, touch, the page's viewport meta tag
	 * honoured.
	 */
	void phoneScreen() {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
	}

	void desktopScreen() {
		driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	void offline(boolean offline) {
		driver.executeCdpCommand("Network.enable", Map.of());
		driver.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
	}

	/**
	 * The browser console since the last call: messages, warnings, errors and CSP
	 * violations.
	 */
	List<String> console() {
		return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
	}

	/**
	 * Console entries that mean something went wrong: errors and refused content (CSP).
	 */
	List<String> consoleProblems() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()
					|| e.getMessage().contains("Content Security Policy"))
			.map(LogEntry::toString)
			.toList();
	}

	/**
	 * Saves the visible page to {@code target/screenshots/<name>.png} and checks the
	 * file: a PNG of the viewport's size that is not one flat colour.
	 */
	BufferedImage screenshot(String name) {
		byte[] png = driver.getScreenshotAs(OutputType.BYTES);
		BufferedImage image;
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), png);
			image = ImageIO.read(new ByteArrayInputStream(png));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(image).as("screenshot %s decodes as an image", name).isNotNull();
		long width = (Long) script("return Math.round(window.innerWidth * window.devicePixelRatio)");
		long height = (Long) script("return Math.round(window.innerHeight * window.devicePixelRatio)");
		assertThat(image.getWidth()).as("screenshot %s width", name).isEqualTo(width);
		assertThat(image.getHeight()).as("screenshot %s height", name).isEqualTo(height);
		Map<Integer, Integer> colours = new HashMap<>();
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				colours.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
			}
		}
		int pixels = image.getWidth() * image.getHeight();
		int background = colours.values().stream().max(Comparator.naturalOrder()).orElse(pixels);
		assertThat(colours.size()).as("distinct colours in screenshot %s (text is anti-aliased)", name)
			.isGreaterThan(50);
		assertThat(1 - background / (double) pixels).as("share of screenshot %s that is not background", name)
			.isGreaterThan(0.05);
		return image;
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException ex) {
				// a leftover temporary profile is harmless
			}
		}
	}

}
