//! egui-wgpu drawing tessellated shapes into an image without a window: the renderer the editor's
//! canvas uses, against which the export's own rasteriser is compared.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

use std::sync::mpsc;
use std::time::Duration;

use egui_wgpu::wgpu;
use image::RgbaImage;

/// How long to wait for the renderer before giving up: a software renderer on a busy machine can
/// take a few seconds for a very large image.
const WAIT: Duration = Duration::from_mins(1);

/// The pixel format images are rendered in: 8-bit sRGB with alpha, as PNG stores them.
const FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8UnormSrgb;

/// A device to render on, with an egui renderer for its textures.
pub struct Gpu {
    device: wgpu::Device,
    queue: wgpu::Queue,
    renderer: egui_wgpu::Renderer,
}

impl std::fmt::Debug for Gpu {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gpu").finish_non_exhaustive()
    }
}

impl Gpu {
    /// A device of its own, with no display: for the command line and tests.
    ///
    /// GL first: Mesa's Vulkan driver looks for a Wayland session and complains on stderr when
    /// there is none (cron, CI, ssh), while GL through EGL renders the same image without a
    /// word. Every backend is tried after that, and `WGPU_BACKEND` still decides when set.
    pub fn headless() -> Result<Self, String> {
        if wgpu::Backends::from_env().is_none()
            && let Ok(gpu) = Self::headless_on(Some(wgpu::Backends::GL))
        {
            return Ok(gpu);
        }
        Self::headless_on(None)
    }

    fn headless_on(backends: Option<wgpu::Backends>) -> Result<Self, String> {
        let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        if let Some(backends) = backends {
            setup.instance_descriptor.backends = backends;
        }
        // Ask for the adapter's own limits, so big exports need fewer tiles.
        setup.device_descriptor = std::sync::Arc::new(|adapter| wgpu::DeviceDescriptor {
            label: Some("touchline export"),
            required_limits: adapter.limits(),
            ..Default::default()
        });
        let setup = egui_wgpu::WgpuSetup::CreateNew(setup);
        let instance = pollster::block_on(setup.new_instance());
        let config = egui_wgpu::WgpuConfiguration { wgpu_setup: setup, ..Default::default() };
        let state = pollster::block_on(egui_wgpu::RenderState::create(
            &config,
            &instance,
            None,
            egui_wgpu::RendererOptions::PREDICTABLE,
        ))
        .map_err(|e| e.to_string())?;
        Ok(Self::from_device(state.device, state.queue))
    }

    fn from_device(device: wgpu::Device, queue: wgpu::Queue) -> Self {
        let renderer = egui_wgpu::Renderer::new(&device, FORMAT, egui_wgpu::RendererOptions::PREDICTABLE);
        Self { device, queue, renderer }
    }

    /// Uploads the textures (the font atlas, pictures) an egui frame added or changed.
    pub fn set_textures(&mut self, delta: &egui::TexturesDelta) {
        for (id, images) in &delta.set {
            for image in images {
                self.renderer.update_texture(&self.device, &self.queue, *id, image);
            }
        }
    }

    /// Renders tessellated egui shapes into an image of `size` pixels, cleared to `clear` first.
    pub fn render(
        &mut self,
        primitives: &[egui::ClippedPrimitive],
        size: [u32; 2],
        clear: egui::Color32,
    ) -> Result<RgbaImage, String> {
        let clear = egui::Rgba::from(clear);
        let screen = egui_wgpu::ScreenDescriptor { size_in_pixels: size, pixels_per_point: 1.0 };
        let texture = self.device.create_texture(&wgpu::TextureDescriptor {
            label: Some("touchline export target"),
            size: wgpu::Extent3d { width: size[0], height: size[1], depth_or_array_layers: 1 },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: FORMAT,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let mut encoder = self.device.create_command_encoder(&wgpu::CommandEncoderDescriptor::default());
        let extra =
            self.renderer.update_buffers(&self.device, &self.queue, &mut encoder, primitives, &screen);
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("touchline export pass"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color {
                                r: f64::from(clear.r()),
                                g: f64::from(clear.g()),
                                b: f64::from(clear.b()),
                                a: f64::from(clear.a()),
                            }),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            self.renderer.render(&mut pass, primitives, &screen);
        }
        self.queue.submit(extra.into_iter().chain(std::iter::once(encoder.finish())));
        self.read_back(&texture, size)
    }

    fn read_back(&self, texture: &wgpu::Texture, size: [u32; 2]) -> Result<RgbaImage, String> {
        let row = size[0] as usize * 4;
        let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
        let padded_row = row.div_ceil(align) * align;
        let buffer = self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("touchline export readback"),
            size: (padded_row * size[1] as usize) as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let mut encoder = self.device.create_command_encoder(&wgpu::CommandEncoderDescriptor::default());
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(padded_row as u32),
                    rows_per_image: None,
                },
            },
            wgpu::Extent3d { width: size[0], height: size[1], depth_or_array_layers: 1 },
        );
        let submission = self.queue.submit(std::iter::once(encoder.finish()));
        let (sender, receiver) = mpsc::channel();
        buffer.slice(..).map_async(wgpu::MapMode::Read, move |result| drop(sender.send(result)));
        self.device
            .poll(wgpu::PollType::Wait { submission_index: Some(submission), timeout: Some(WAIT) })
            .map_err(|e| e.to_string())?;
        receiver.recv_timeout(WAIT).map_err(|e| e.to_string())?.map_err(|e| e.to_string())?;
        let mapped = buffer.slice(..).get_mapped_range().map_err(|e| e.to_string())?;
        let mut pixels = Vec::with_capacity(row * size[1] as usize);
        for line in mapped.chunks_exact(padded_row) {
            pixels.extend_from_slice(&line[..row]);
        }
        drop(mapped);
        buffer.unmap();
        RgbaImage::from_raw(size[0], size[1], pixels).ok_or_else(|| "image size mismatch".to_string())
    }
}
