"""Everyday Chinese the resolver must read as people mean it (the issue's own examples)."""

from __future__ import annotations

import pytest

from bot.core import tuning
from bot.kinds.status.index import _KEEPS_METHOD_RE


@pytest.mark.parametrize(
    "text",
    [
        "503 宿舍今晚聚餐",
        "我住 404 房",
        "201 班的同学",
        "磁盘使用率 100%",
        "CPU 占用 200%",
        "去 502 教室开会",
        "满 200 减 30 的券谁有",
        "他住 5 楼 501",
        "各位 301 房间可以住吗",
        "MySQL 最大连接数调到 500 了，先观察一下",  # a setting's value
        "价格涨到 599 了",
        "双十一峰值 QPS 才到 429，比去年还低",  # a load figure
        "有没有人推荐 304 不锈钢的保温杯",  # a grade of steel
    ],
)
def test_numbers_in_everyday_chatter_are_not_codes(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("楼下的 nginx 报 504", 504),
        ("刚才群里有人说 451，这个码是什么情况", 451),  # "这个码" talks of codes
        ("各位大佬 请教一下 504 怎么排查", 504),  # group-chat openers before a question
        ("大家好，502 可以重试吗", 502),
        ("住宅区网关 502 了", 502),
        ("502 了", 502),
        ("返回 500 了", 500),
        ("接口报 404", 404),
        ("HTTP 200 OK", 200),
        ("403 禁止访问", 403),
    ],
)
def test_numbers_that_are_codes_still_are(service, text, code):
    res = service.resolve(text)
    assert res.mode == "code" and res.matches[0].status == code


def test_chinese_convention_permanent_redirect_is_301_with_the_rfc_fact_beside_it(service):
    res = service.resolve("永久重定向")
    assert [m.status for m in res.matches[:2]] == [301, 308]
    card = service.answer(res).plain()
    assert "Moved Permanently" in card and "308" in card


def test_chinese_convention_temporary_redirect_is_302_with_the_rfc_fact_beside_it(service):
    for text in ("临时重定向", "临时重定向对应哪个码", "临时重订向"):
        res = service.resolve(text)
        assert [m.status for m in res.matches[:2]] == [302, 307], text
    card = service.answer(service.resolve("临时重定向")).plain()
    assert "Found" in card and "307" in card
    # The seed's own name for 307 stays on its card.
    assert "临时重定向" in service.answer(service.resolve("307")).plain()


def test_the_payload_translation_of_413_names_it(service):
    # "Payload Too Large" put word for word into Chinese; a server's load is not a payload.
    assert service.resolve("有效载荷过大").matches[0].status == 413
    assert service.resolve("服务器负载过大").matches[0].status == 503


def test_keeping_the_method_on_a_temporary_redirect_is_307(service):
    assert service.resolve("临时重定向，但是不能让浏览器把 POST 改成 GET").matches[0].status == 307


def test_keeping_the_method_on_a_permanent_redirect_is_308(service):
    res = service.resolve("永久重定向，而且要求浏览器保持原来的请求方法和请求体不变")
    assert res.matches[0].status == 308


@pytest.mark.parametrize(
    "text",
    [
        "线上 500 的问题小李已经在跟了，别重复提单",
        "刚才说的 429 限流已经调大阈值了，可以继续压测",
        "502 已经解决了，谢谢",
        "刚刚 CDN 缓存刷新好了",
        "负载均衡的证书我已经续好了",
    ],
)
def test_a_remark_that_the_trouble_is_in_hand_asks_nothing(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("502 解决了吗", 502),  # still asked
        ("好了，又 502 了", 502),  # the trouble is back
        ("nginx 已经调大了 client_max_body_size，上传还是 413", 413),
    ],
)
def test_trouble_still_there_after_a_fix_is_still_read(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    "text",
    [
        "腾讯云服务器打折买了三台，真香",
        "DNS 服务器下周机房迁移，运维已经发通知了",
        "刚看了个讲 TCP 三次握手的视频 讲得挺好",
        "前端的同学把重定向逻辑改了一下",
        "HTTPS 证书续费的发票谁帮忙报销一下",  # 报销 reports no trouble
    ],
)
def test_shop_talk_is_no_description_of_an_exchange(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("服务器已经收下了请求，只是排进队列还没处理完，先告诉客户端我接单了", 202),  # two parties
        ("我把图片按 text/plain 的 Content-Type 发给上传接口，它说这种格式它不认", 415),  # a refusal
        ("用普通 http 请求打到了 nginx 的 https 端口上，nginx 内部专门有个码表示这种情况", 497),  # a code
    ],
)
def test_descriptions_of_an_exchange_still_reach_whole_entries(service, text, code):
    assert code in [m.status for m in service.resolve(text).matches[:3]]


@pytest.mark.parametrize("text", ["限流一般回什么状态", "限流該回什麼", "限流回啥"])
def test_what_does_one_return_frames_are_question_frames(service, text):
    assert service.resolve(text).matches[0].status == 429


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("有些用户 Cookie 攒了一大堆，整个请求头加起来超出服务器限制，服务器拒绝处理，标准里对应哪个 4xx", 431),
        ("WebDAV 往服务器上 PUT 文件，服务器磁盘剩余空间不够存这个资源了，返回的是哪个 5xx", 507),
    ],
)
def test_which_member_of_a_class_a_description_is(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize("text", ["5xx 有哪些", "哪个 5xx", "5xx 是什么意思"])
def test_a_class_asked_about_is_still_listed(service, text):
    assert service.resolve(text).mode == "class"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("这个资源以前存在，但已经被永久删除，服务器也知道它不会再回来了，比 404 语义更明确的那个码是", 410),
        ("“已删除”那个状态码，和 404 有点像的", 410),
        ("未受权是 401 还是 403", 401),  # an alternative question names both codes
        ("yongjiu chongdingxiang", 301),  # 重 read as in 重定向
        ("临时重订向", 302),
    ],
)
def test_compared_codes_alternatives_and_polyphones(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # "已经列举过了" describes the code; it does not ask for a list of the class.
        ("WebDAV 的响应里，同一个集合的成员在前面已经列举过了，为了避免重复再列一遍而使用的那个 2xx 是", 208),
    ],
)
def test_a_list_word_inside_the_description_is_not_a_list_request(service, text, code):
    assert service.resolve(text).matches[0].status == code


def test_a_member_asked_for_but_not_found_falls_back_to_the_class(service):
    text = "有一个 4xx 平时几乎没人见过，具体场景我也说不清楚，就想知道是哪个"
    res = service.resolve(text)
    assert res.mode == "class" and res.group == 4


@pytest.mark.parametrize(
    ("text", "code", "ruled_out"),
    [
        ("永久迁移，而且要保证 POST 跳过去以后仍是 POST、body 不丢，应该用哪个码？不是 301", 308, 301),
        ("不是 403 那个！我说的是身份压根没验证过、登录凭证缺失或无效时返回的码", 401, 403),
        ("请求 body 太大服务器不收，不是 431（那是头太大），是哪个？", 413, 431),
        ("Chrome 支持的那个在最终响应之前先把资源提示推给浏览器的 1xx 是哪个？不是 100 也不是 101", 103, 100),
    ],
)
def test_a_code_ruled_out_is_not_the_answer(service, text, code, ruled_out):
    statuses = [m.status for m in service.resolve(text).matches[:3]]
    assert statuses[0] == code and ruled_out not in statuses


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("是不是 504", 504),  # a guess, not a code ruled out
        ("不是 504 吗", 504),
        ("不是 504，是 502 吧？", 502),  # the code left over is the one meant
    ],
)
def test_guesses_and_corrections_still_answer_the_code(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    ("text", "old"),
    [
        ("nginx limit_req 超了默认回 503，很多人会用 limit_req_status 改成哪个码才更语义化？", 503),
        ("跟 401 的区别我老搞混，就是那个「我知道你是谁但就是不让你进」的码是多少", 401),
    ],
)
def test_the_old_value_and_the_code_told_apart_are_not_the_answer(service, text, old):
    assert old not in [m.status for m in service.resolve(text).matches[:1]]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("临时跳转到别的地址，而且要求客户端保持原来的方法和请求体，POST 过去还得是 POST", 307),
        ("新域名上线后旧域名要全部永久跳过去 而且 POST 也得保持 POST 用哪个跳转码", 308),
        ("永久搬家的跳转，但不允许客户端把 POST 改成 GET，方法和 body 必须原样带过去", 308),
    ],
)
def test_a_redirect_that_must_keep_its_method_is_307_or_308(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize("text", ["永久跳转，用 post 还是 put 提交", "301 之后 post 变成了 get"])
def test_choosing_between_methods_is_not_keeping_one(text):
    assert _KEEPS_METHOD_RE.search(text) is None


def test_temporary_redirect_is_still_302(service):
    assert service.resolve("临时重定向").matches[0].status == 302


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("nginx 开了 ssl_verify_client on，客户端提供的证书校验失败，nginx 内部用的是哪个非标准码？", 495),
        ("Cloudflare 开了 Full (strict)，源站证书是自签的或者已经过期，CF 校验不通过，返回几？", 526),
        ("nginx 里那个非标准码：请求头或 Cookie 太大时内部用它，但客户端最终看到的是 400，是哪个？", 494),
    ],
)
def test_asked_for_a_status_the_status_leads(service, text, code):
    assert service.resolve(text).matches[0].status == code


def test_a_number_with_a_unit_after_curl_is_no_exit_code(service):
    res = service.resolve("curl 做超过 1KB 的 POST 时会先停顿一下，等服务端回个 1xx 再发正文，它等的是哪个码")
    assert res.matches and res.matches[0].kind == "status"
    assert service.resolve("curl 7").matches[0].answer.name == "CURLE_COULDNT_CONNECT"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("request signature nonce has been used", "SignatureNonceUsed"),
        ("The Swagger file version must be 2.0 (found openapi 3.0.1)", "APIG.3601"),
    ],
)
def test_an_english_retelling_of_a_documented_message_leads_word_overlap(service, text, code):
    assert service.resolve(text).matches[0].answer.error_code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("接口老是报 bad gatewya", 502), ("页面显示 servcie unavalable 咋回事", 503), ("报了个 not foudn 错误", 404)],
)
def test_a_mistyped_english_phrase_inside_chinese_is_read(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize("text", ["今天 happy hour 去不去", "代码里写 hello world 跑不起来"])
def test_english_words_in_chatter_are_no_typo(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(("text", "code"), [("qps 500 就开始 503", 503), ("500 qps 的时候 502", 502)])
def test_load_figures_are_quantities_and_the_code_beside_them_is_read(service, text, code):
    assert [m.status for m in service.resolve(text).matches[:1]] == [code]


@pytest.mark.parametrize("text", ["我写的接口 QPS 能到 300", "压测 200 并发就超时了"])
def test_a_load_figure_is_no_status(service, text):
    assert 200 not in [m.status for m in service.resolve(text).matches] and 300 not in [
        m.status for m in service.resolve(text).matches
    ]


def test_another_clouds_error_of_the_same_name_is_only_a_choice(service):
    res = service.resolve("aws s3 AccessDenied")
    assert all(m.score < 80 for m in res.matches if m.kind == "error")
    assert service.resolve("阿里云 OSS AccessDenied").matches[0].score >= 80


def test_the_code_used_today_is_not_the_one_asked_for(service):
    text = "我们字段校验失败现在统一回 400，产品想区分出语义错误，那该用哪个"
    assert service.resolve(text).matches[0].status == 422
    assert service.resolve("现在回 500 对吗").matches[0].status == 500  # no other code asked for


@pytest.mark.parametrize("text", ["来回 300 公里", "回 300 块", "回 200 条消息"])
def test_a_number_after_hui_with_a_unit_is_a_quantity(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    "text",
    [
        "InvalidAccessKeyId那个问题我搞定了，是配置文件里AK写错了",
        "@小张 你那个Ecs.0018的工单我已经转给华为云了",
        "恭喜，这周终于一个5xx都没有",
    ],
)
def test_remarks_that_an_error_is_handled_ask_nothing(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("nginx 作为反向代理转给后端，后端进程挂了或者回了个无效响应，网关这边拿到的东西不对", 502),
        ("504 Gatway Timout 是啥意思", 504),  # a typed code beside its mistyped English name
    ],
)
def test_forwarding_is_no_handover_and_mistyped_names_keep_the_code(service, text, code):
    assert code in [m.status for m in service.resolve(text).matches[:3]]


@pytest.mark.parametrize(
    ("text", "code"),
    [("OSS报ＮｏＳｕｃｈＫｅｙ", "NoSuchKey"), ("华为云 Ecs.O018 啥意思", "Ecs.0018"), ("华为 apig.o3o8 是啥", "APIG.0308")],
)
def test_full_width_letters_and_letter_o_for_zero_in_cloud_codes(service, text, code):
    assert service.resolve(text).matches[0].answer.error_code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # The clause that rules 101 out and says what 101 is describes the wrong code.
        ("不是 101！那个是服务器同意换协议；我说的是服务器强制要你先换协议否则不给处理的那个 4xx", 426),
        ("区分一下：不是 406（那是 Accept 对不上），是请求体的 Content-Type 服务器处理不了，是几？", 415),
    ],
)
def test_the_clause_about_a_code_ruled_out_is_set_aside(service, text, code):
    assert service.resolve(text).matches[0].status == code


def test_shop_talk_that_asks_nothing_still_gets_no_whole_entry_reading(service):
    assert service.resolve("腾讯云服务器打折买了三台，真香").matches == ()


def test_a_cloud_error_question_gets_no_status_likeness(service):
    res = service.resolve("腾讯云普通机型想直接调整成GPU机型，报什么错误码")
    assert all(m.kind != "status" for m in res.matches)


@pytest.mark.parametrize(("text", "code"), [("yongjiu chongdingxiang shi duoshao", 301), ("服務無法使用 是幾號", 503)])
def test_pinyin_question_frames_and_the_taiwanese_name(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("不是 302 那个，是临时跳转、但规范保证客户端不能把 POST 改成 GET、body 也要原样重发的那个", 307),
        ("不是 401，是中间的代理服务器要求你先验证身份的那个", 407),
        ("不是 301，是同样长期有效、但禁止把 POST 改成 GET 的那个重定向码", 308),  # 301 read as 308
        ("文章被作者彻底删掉了，而且以后也不会恢复，想让搜索引擎尽快从索引里移除，比返回 404 更合适的码是？", 410),
    ],
)
def test_a_code_ruled_out_up_front_is_no_answer_even_unasked(service, text, code):
    assert service.resolve(text).matches[0].status == code


def test_asked_for_a_status_whole_entry_readings_count_beside_a_network_alias(service):
    text = (
        "@运维群 早～ 我们套了 Cloudflare 的那个站打不开了，错误页上浏览器和 Cloudflare 都是绿的，"
        "就 Host 那一栏是红的；上去一看源站 nginx 被 OOM 杀了，端口直接拒绝连接，这个 Cloudflare 码是几？"
    )
    assert service.resolve(text).matches[0].status == 521
    # "Which error page" asks for one too: a page served for a failure has a status.
    text = (
        "我们的博客放在 Cloudflare 后面，昨晚运维误操作把源服务器上的 web 服务关掉了，Cloudflare 的节点"
        "还能连通那台机器，可是 80 端口直接拒绝连接，这时候来访的人会看到什么错误页？"
    )
    assert service.resolve(text).matches[0].status == 521


def test_asked_for_a_status_a_cloud_guess_by_meaning_stays_beside_it(service):
    text = "我们 OSS 上的 mp4 在 iOS Safari 里播放不了，别人说服务器要支持 Range 请求，支持的话响应应该是几而不是 200？"
    assert service.resolve(text).matches[0].status == 206
    # Naming a cloud and asking for its code ("ECS 报的是哪个码") is a cloud question.
    res = service.resolve("云助手的脚本内容 base64 以后超过 16KB 了，ECS 报的是哪个码")
    assert res.matches[0].kind == "error"


def test_the_status_seen_today_is_set_aside_when_the_right_one_is_asked(service):
    text = "@前端群 我这边 ws 一直连不上，抓包看握手响应是 200，后端是 Express + ws 库，正常握手成功应该返回几？"
    assert service.resolve(text).matches[0].status == 101
    assert service.resolve("接口返回的是 502，应该怎么办").matches[0].status == 502


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("晚上好各位，问个面试题：401 到底是什么意思，跟 403 有啥区别", 401),  # openers before a code
        ("知道你是谁，但你没有这个权限", 403),  # "你是谁" inside a description is not about the bot
    ],
)
def test_openers_and_descriptions_that_say_ni_shi_shui(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize("text", ["你是谁开发的", "你好，你能干啥", "阿里云 Throttling 那个问题周一再说吧，下班了"])
def test_questions_about_the_bot_and_deferred_remarks_get_no_card(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(("text", "code"), [("华为云创建服务器报 Esc.0001", "Ecs.0001"), ("APGI.0308 是什么", "APIG.0308")])
def test_a_numbered_code_with_a_slip_in_its_prefix(service, text, code):
    assert service.resolve(text).matches[0].answer.error_code == code


def test_the_only_error_of_a_named_product_with_a_vendor_status_explains_it(service):
    res = service.resolve("早上好 请问阿里云 SLB 接口返回 449 是什么情况")
    assert res.matches[0].answer.error_code == "SystemBusy" and res.matches[1].status == 449
    # A web status stays the server's status, whatever the product named.
    assert service.resolve("阿里云 ECS 上的 nginx 返回 504 网关超时").matches[0].status == 504


def test_behind_a_proxy_the_status_asked_for_leads_the_runtime_wording(service):
    text = "nginx 反向代理到 php-fpm，php-fpm 进程挂了，connect() failed (111: Connection refused)，用户看到的状态码是？"
    res = service.resolve(text)
    assert res.matches[0].status == 502 and any(m.kind == "network" for m in res.matches[:3])


def test_a_short_description_before_a_class_asks_for_a_member(service):
    assert service.resolve("请求超时4xx是几").matches[0].status == 408
    assert service.resolve("4xx是几").mode == "class"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("@后端 新建订单成功以后你们返回 200 还是别的？按 RESTful 规范应该是哪个", 201),
        ("刚接手一个老项目，表单 POST 提交完跳转到结果页，老代码用的 302，同事说语义上应该换成专门“POST 完用 GET 去别处看”的那个码，是哪个？", 303),
        ("同事说 PUT 更新版本号对不上要返回 409，我们用的是 ETag 乐观锁，If-Match 不匹配的时候，标准上到底返回啥？", 412),
        ("运维大哥们，浏览器 400 页面上写着 Request Header Or Cookie Too Large，这在 nginx 里是哪个内部码？", 494),
        ("我们不想返回 400，那个专门表示“语义错误”的码是多少？", 422),
        ("emm 我在做文件断点续传，客户端带 Range 头请求其中一段，服务端应该回啥？200 吗？", 206),
    ],
)
def test_a_code_typed_as_a_guess_a_claim_or_the_old_choice_is_not_the_answer(service, text, code):
    assert service.resolve(text).matches[0].status == code


def test_a_claim_about_a_code_that_is_asked_about_keeps_it(service):
    text = "吐了，第三方支付接口下午一直回503，客服说在维护，503到底是什么意思"
    assert service.resolve(text).matches[0].status == 503


def test_a_documented_message_word_for_word_outranks_a_code_read_ignoring_case(service):
    res = service.resolve("The throttling threshold has been reached.")
    assert res.matches[0].answer.error_code == "APIGW.0308"  # the gateway's own spelling of the table's APIG.0308
    assert service.resolve("Throttling").matches[0].answer.error_code == "Throttling"


@pytest.mark.parametrize(
    ("text", "code", "typed"),
    [
        ("404 我知道是找不到，那登录了但是权限不够的时候应该返回几", 403, 404),
        ("哈哈 418 这个梗笑死 @bot 说真的，上传的文件太大被服务器拒收是多少", 413, 418),
        ("监控里一堆 503 先不管，我想问被限流的时候返回的是多少", 429, 503),
        ("前面贴的 500 Internal Server Error 我懂，我这个是 WebDAV 磁盘满了回几", 507, 500),
        # The story is one clause among chatter: the clauses are read one by one too.
        ("前端说一直 401，我看了 token 是有效的，就是这个用户没有访问这个资源的权限……这种该改回哪个码", 403, 401),
        # A code ruled out as the one to use ("别用 404").
        ("这个活动链接下线了以后也不会再有了，SEO 同学说别用 404…那用啥", 410, 404),
    ],
)
def test_codes_typed_before_a_description_that_asks_for_another_set_the_scene(service, text, code, typed):
    got = [m.status for m in service.resolve(text).matches if m.kind == "status"]
    assert got[0] == code and typed not in got


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("nginx 报 502，上游 php-fpm 挂了，这个是多少", 502),  # the text after it reads as the same code
        ("502 是多少", 502),  # nothing after it to read
        ("nginx 日志里一堆 499 是啥情况，客户端说自己没断啊", 499),  # 是啥 asks what it is, not for a number
    ],
)
def test_a_code_followed_by_its_own_story_or_by_nothing_is_still_the_answer(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    "text",
    [
        "通知一下今晚维护，期间接口会返回 503，大家别慌",
        "我把 429 的限流阈值调大到每秒 200 次了，有问题随时喊我",
        "华为云 OBS 的 NoSuchKey 我已经加了重试，明天上线",
    ],
)
def test_announcements_and_hand_offs_ask_nothing(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize("text", ["规范里应该返回什么", "按标准应该返回什么", "面试题：应该返回什么"])
def test_where_a_question_is_set_identifies_no_code(service, text):
    assert service.resolve(text).matches == ()


def test_a_reworded_message_in_a_pasted_body_is_read_by_meaning(service):
    text = "oss2.exceptions.ServerError: {'status': 403, 'details': {'Message': 'request time differs too much from the OSS server time'}}"
    assert service.resolve(text).matches[0].answer.error_code == "RequestTimeTooSkewed"


def test_an_sdk_package_name_names_its_cloud(service):
    text = "aliyunsdkcore.acs_exception.exceptions.ServerException: HTTP Status: 400 Error: request throttling, slow down"
    assert service.resolve(text).matches[0].answer.error_code == "Throttling"


@pytest.mark.parametrize(
    ("text", "code", "typed"),
    [
        ("阿里云 Throttling 我们都见过，我这回是 ECS 导入 SSH 密钥对说数量到上限了，错误码叫啥", "QuotaExceed.KeyPair", "Throttling"),
        ("华为云 OBS 的 BucketAlreadyExists 是他那边的，我的是同名桶本来就是我自己账号建的", "BucketAlreadyOwnedByYou", "BucketAlreadyExists"),
    ],
)
def test_a_cloud_code_typed_before_a_switch_to_the_askers_own_error_sets_the_scene(service, text, code, typed):
    got = [m.answer.error_code for m in service.resolve(text).matches if m.kind == "error"]
    assert got[0] == code and typed not in got


def test_a_cloud_code_told_about_without_a_switch_is_still_the_answer(service):
    res = service.resolve("阿里云 Throttling 是说我调用太频繁了吗")
    assert res.matches[0].answer.error_code == "Throttling"


@pytest.mark.parametrize(
    ("text", "sent", "internal"),
    [
        ("Cookie 攒太多了，nginx 出了 Request Header Or Cookie Too Large 的页面，浏览器里看到的状态码是几", 400, 494),
        ("nginx 报 The plain HTTP request was sent to HTTPS port，客户端实际收到的是多少", 400, 497),
    ],
)
def test_what_the_client_sees_of_a_code_that_never_leaves_the_server(service, text, sent, internal):
    got = [m.status for m in service.resolve(text).matches]
    assert got[:2] == [sent, internal]


def test_the_internal_code_itself_is_still_answered(service):
    assert service.resolve("The plain HTTP request was sent to HTTPS port").matches[0].status == 497


def test_a_retelling_in_a_named_products_words_explains_the_typed_status(service):
    res = service.resolve("华为 APIG 管理接口报 401，提示会话过期让稍后重试")
    assert res.matches[0].answer.error_code == "APIG.1001" and res.matches[1].status == 401


def test_a_status_on_a_cloud_host_is_still_the_status(service):
    # ECS is where nginx runs, not the source of the error: 网关超时 is 504's own name.
    assert service.resolve("阿里云 ECS 上的 nginx 返回 504 网关超时").matches[0].status == 504


@pytest.mark.parametrize(
    ("text", "code"), [("中文文档里说的“未授权”其实是哪个码", 401), ('文档里写的"网关超时"到底是几', 504)]
)
def test_a_name_quoted_whole_is_the_name_meant(service, text, code):
    assert service.resolve(text).matches[0].status == code


def test_strong_caching_shows_200(service):
    text = "面试常问：强缓存命中时 Network 面板里显示的状态码是多少（from disk cache 那个）"
    assert service.resolve(text).matches[0].status == 200


@pytest.mark.parametrize(("text", "code"), [("4O4 是什么意思", 404), ("接口返回 5OO 了", 500), ("5o3", 503)])
def test_a_code_typed_with_the_letter_o_for_a_zero(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize("text", ["foo bar", "3o 个人", "top 5 odds"])
def test_words_with_o_are_no_codes(service, text):
    assert all(m.tier != "code" for m in service.resolve(text).matches)


def test_a_family_member_whose_every_part_is_said_outranks_the_caseless_family_word(service):
    res = service.resolve("ECS RunInstances 403: this operation is forbidden by the aliyun risk control system")
    errors = [m.answer.error_code for m in res.matches if m.kind == "error"]
    assert errors[:2] == ["Forbidden.RiskControl", "Forbidden"]
    assert res.matches[1].status == 403  # the status the error came with, right beside it
    assert service.resolve("阿里云 Forbidden 是什么").matches[0].answer.error_code == "Forbidden"


def test_a_status_typed_beside_a_retelling_picks_the_row_returned_with_it(service):
    # Huawei ECS documents two rate-limit errors: Common.0024 with 202, Common.1503 with 503.
    res = service.resolve("华为 ECS 接口调用返回 202，说请求被流控了")
    assert res.matches[0].answer.error_code == "Common.0024"


@pytest.mark.parametrize(
    "text",
    [
        "阿里云 ECS 把实例移出安全组，提示这是它仅剩的一个安全组",
        "阿里云说实例至少要有一个安全组，不让我移出",
        "aliyun: cannot leave, this is the last security group of the instance",
    ],
)
def test_the_last_one_left_is_a_meaning_of_its_own(service, text):
    assert service.resolve(text).matches[0].answer.error_code == "InstanceLastSecurityGroup"


def test_asking_whether_ones_own_error_is_the_cloud_code_typed_keeps_it(service):
    assert service.resolve("阿里云 Throttling 我这边是调用太频繁了吗").matches[0].answer.error_code == "Throttling"


@pytest.mark.parametrize(("text", "code"), [("4 1 5 是啥意思", 415), ("50 3 是啥错误", 503), ("425 见过吗，什么含义", 425)])
def test_a_code_typed_apart_or_asked_whether_seen_is_still_the_code(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize("text", ["感觉 HTTP/3 以后会普及，QUIC 还挺香的", "这 5 个 20 块"])
def test_tech_small_talk_and_spaced_numbers_in_chatter_get_nothing(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("k8s ingress 的 413 我已经改好了，现在上传又变成 504 了🙃 504 是啥", 504),
        ("网关把请求都拒了返回 401，其实应该返回 503 吧？", 503),
        ("Cloudflare 的 521 跟 522 有啥区别吗，我们现在报的是 522，急", 522),
        ("新人报到🙋 请问 502 和 504 有啥区别？我这边出现的是 504", 504),  # the code met
        # A code someone else gave, only doubted: the description still decides.
        ("新人求带🙏 token 过期以后接口返回什么状态码比较规范？组长说 401 我总觉得不对", 401),
        ("@张工 登录 token 过期了后端到底该回哪个码？前端要据此跳登录页，别再给我 200 + code=-1 了🙏", 401),  # waved off
        ("@小李 你上次说 Cloudflare 的 522 是源站连不上，那 520 呢？我们现在全是 520", 520),  # the code met
        ("刚才那个问题解决了，谢谢 @阿杰！另外想问一下 409 一般什么场景用", 409),  # asked after the thanks
        (
            "面试题：用户 A 和 B 同时编辑同一篇文章，B 先保存了；A 再 PUT 时带的 If-Match 还是旧的 ETag，服务器发现版本对不上而拒绝更新，此时返回的状态码是多少？",
            412,
        ),
        # The same without the header's name: the tag the update carried no longer matches.
        ("两个人同时改一条配置，后保存的那个请求带着旧的 ETag，服务端发现 ETag 已经变了就不让改，规范里这种情况返回什么码", 412),
        (
            "接口要求客户端把上次读到的版本标识带上做条件判断才允许覆盖，结果别人在中间先改过了，"
            "服务端比对发现标识对不上，于是拒绝本次写入。应该返回哪个状态码？",
            412,
        ),
        # A deletion done, nothing sent back: 204, not an accepted (202) or created (201) success.
        ("管理后台点删除按钮，服务端把那条记录删了以后啥也不返回，只要让前端知道成功了，规范一点该用哪个状态码", 204),
        ("用户浏览器里积累了几十个 Cookie，导致请求头总长度超过了服务器允许的上限，服务器拒绝处理该请求，按照规范应返回什么？", 431),
        (
            "线上事故复盘：凌晨两点，负载均衡后面的 Java 服务全部 Full GC 卡死，入口 Nginx 一直等上游的响应头，"
            "等到 proxy_read_timeout 到点后放弃，用户浏览器上看到的错误页是哪个状态？",
            504,
        ),
        # ... or, asked which, the typed code the words describe.
        ("200 和 201 有啥区别，新增接口该回哪个", 201),
        ("用户名重复注册你返回了 500，这种资源已存在到底该回 409 还是 400", 409),
        # Plain comparisons, someone's claim and a change asked about keep the typed order.
        ("502 和 504 有什么区别", 502),
        ("302 改成 301 有什么影响", 302),
        ("参数校验失败返回了422，测试说应该用400，422到底是干啥用的", 422),
    ],
)
def test_of_several_codes_typed_the_one_asked_about_comes_first(service, text, first):
    assert service.resolve(text).matches[0].status == first


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Found after the first run of unanticipated_v7: a code done with beside the one asked about.
        ("昨天那个 401 搞定了，今天又变成 403 了 @bot 这个又是啥", 403),
        ("@机器人 200 就不用解释了，说说 206", 206),
        ("@bot 你好，刚才问的 308 懂了，那 303 是什么场景用", 303),
        ("刚刚那个不是 400 了，现在变成 415，@机器人 这个呢", 415),
        ("我这儿有个 409 不知道啥意思", 409),
        # Found writing dev set fresh_mixed_4: a code traced, gone or understood, then another.
        ("大佬们，502 那个已经查到是 upstream 挂了，现在又冒出来 504 😵 @bot 504 一般从哪儿查起", 504),
        ("@bot 我们 k8s 发布时偶发 503，知道是 pod 没 ready，这个先不管，想问 502 一般什么情况下会出", 502),
        ("老王说 301 和 302 他都会，非让我来问：@bot 303 是干嘛用的", 303),
        ("@bot client_max_body_size 调大以后 413 已经没了，现在又报 400 Request Header Or Cookie Too Large", 400),
        ("200 OK 我知道，@bot 那接口返回 204 的时候前端 res.json() 报错是为啥", 204),
        # A code the asker says they know, before the one asked about.
        ("@机器人 我知道 301 是永久的，那 302 跟它有啥区别", 302),
        ("我知道 404 是找不到，那 410 呢", 410),
    ],
)
def test_the_code_asked_about_after_one_done_with(service, text, code):
    assert service.resolve(text).matches[0].status == code


def test_a_turn_to_another_question_leaves_the_codes_before_it_behind(service):
    text = "监控里 504 一大片……不过我问的是另一件事：机场 Wi-Fi 弹登录页那种是哪个码 @bot"
    assert [m.status for m in service.resolve(text).matches][:1] == [511]
    # Without a clear reading after the turn, the typed code is still the answer.
    assert service.resolve("监控里 504 一大片……不过我问的是另一件事：这个码是啥").matches[0].status == 504


@pytest.mark.parametrize(
    "text",
    ["小白问一下 @bot 408 是因为我网速太慢吗", "504 一般从哪儿查起"],
)
def test_asking_what_caused_a_number_makes_it_a_code(service, text):
    assert service.resolve(text).mode == "code"


def test_asking_what_caused_an_everyday_number_does_not(service):
    assert service.resolve("房租 300 是因为涨价了吗").matches == ()


@pytest.mark.parametrize(
    "text",
    [
        "【通知】今晚 22:00-23:00 网关升级，期间可能出现短暂 502，请各业务方知悉 🙏",
        "恭喜 @小李 把 500 错误清零了，晚上请大家喝奶茶 🧋",
        "这周 500 错误率从 0.8% 降到 0.1%，周报里记得写上",
        "HTTP/2 切换以后，200 响应占比 99.98%，很稳",
    ],
)
def test_notices_reports_and_cheers_that_name_a_code_are_remarks(service, text):
    assert service.resolve(text).matches == ()


def test_a_code_asked_about_beside_a_browser_error_is_the_answer(service):
    text = "群友们 @bot 刷新页面一直 ERR_TOO_MANY_REDIRECTS，network 里全是 308，308 是什么"
    assert service.resolve(text).matches[0].status == 308


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A name heard beside a number makes it a code, as a name read does.
        ("禁止方问 403 怎么破", 403),
        ("wangguan cuowu 502 zenme jiejue", 502),
        # Digits said in Chinese numerals after a cue.
        ("状态码四一三", 413),
        ("返回码五零三是啥", 503),
        # The code asked about among several, by the words after it or before it.
        ("今天又是 404 又是 500 的，@bot 500 到底是我们服务自己的锅还是上游的", 500),
        ("测试环境 3 台机子挂了两台，502 503 504 都有，@助手 503 一般是啥原因", 503),
        ("@小助手 401 和 403 老是分不清，先一句话讲讲 401", 401),
        ("我妈刷短视频突然跳出来个 404，问我是不是手机坏了，这到底啥意思", 404),
        ("老接口一直回 302，产品让换成 301，301 代表啥", 301),
    ],
)
def test_codes_typed_beside_slips_and_asks(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    "text",
    ["这个接口 QPS 压到 503 就上不去了", "项目代号叫 404，内部都管它叫找不到计划", "状态码一二三四五"],
)
def test_numbers_that_are_figures_or_names_stay_chatter(service, text):
    assert service.resolve(text).matches == ()


def test_a_code_named_as_the_main_one_beside_its_class(service):
    assert service.resolve("监控显示 5xx 比例上来了，主要是 504，@bot 怎么排查").matches[0].status == 504
    assert service.resolve("401 wei shou quan zen me ban").matches[0].status == 401
    assert service.resolve("我把 OSS 的 bucket 权限改成私有了，跟大家说一声").matches == ()


@pytest.mark.parametrize(
    "text",
    ["工单 30451 已关闭", "这台机器 uptime 已经 401 天了", "这个月流量用了 200G，运营商说要限速了"],
)
def test_a_remark_sharing_one_word_with_an_entry_is_no_reading(service, text):
    assert service.resolve(text).matches == ()


def test_one_word_is_a_single_run_of_bigrams():
    from bot.retrieval.textindex import one_word

    assert one_word("升级、级到") and one_word("台机、机器、这台")
    assert not one_word("升级、超时") and not one_word("go、升级、级到") and not one_word("超时")


def test_asking_what_came_back_puts_the_status_before_a_runtimes_wording(service):
    text = "ingress-nginx 把请求转给后端 Pod，后端跑一个慢 SQL 超过了 proxy_read_timeout 的 60 秒还没返回，ingress 返回的是？"
    first, second = service.resolve(text).matches[:2]
    assert (first.status, second.kind) == (504, "network")


def test_an_english_question_naming_a_framework_talks_shop(service):
    top = service.resolve("what code does Django return when CSRF verification fails").matches[0]
    assert top.status == 403


@pytest.mark.parametrize(
    "text",
    ["CDN 缓存刷新一般多久生效", "curl 怎么带上 cookie 发请求", "把服务从 8080 端口改到 443 要注意啥", "老板说下季度要上云，阿里云和华为云还在比价"],
)
def test_no_status_guesses_for_a_text_about_something_else(service, text):
    assert service.resolve(text).matches == ()


def test_a_weak_reading_of_a_text_about_a_status_is_still_offered(service):
    # Below the answer line, but the text speaks of a status: the options stay.
    matches = service.resolve("what code does Django return when CSRF verification fails").matches
    assert matches and matches[0].status == 403


@pytest.mark.parametrize(
    "text",
    [
        # Changes made, tips shared and figures reported, each naming a code it asks nothing about.
        "我把登录接口改成返回 201 了，前端记得改一下判断",
        "监控那边的 504 告警已经关了，是误报",
        "404 是因为网关路由少配了前缀，已修",
        "分享一下：cf 522 多半是源站防火墙没放行 Cloudflare 的回源 IP",
        "上周 4xx 比例 0.3%，比预期低",
        "504 errors down to 3 this week",
        "昨天 5xx 一共 7 次，都在发布窗口里",
        "我们组叫 502 小组，专门背锅",
        "Go 升到 1.23.1 了，大家本地也更新下",  # a release note
        # Chatter whose words only look like a status's: 回源, code review, 好几个, 又涨了.
        "这周 CDN 回源带宽涨了不少，是不是有活动",
        "code review 里发现好几个空指针，大家提交前多跑下单测",
        "腾讯云和阿里云的续费谁比过价？感觉又涨了",
        # A resolver's answer is no HTTP response: a question about DNS itself, asking no status.
        "dns响应太大会截断吗",
        "DNS 响应一般多大，超过多少字节要切 TCP",
    ],
)
def test_remarks_that_name_a_code_or_only_sound_like_one_are_not_answered(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("机器人，409 是什么错", 409),  # the bot addressed, then asked
        ("哈哈 日志里冒出个 418，这是啥梗", 418),  # the clause after the code points back at it
        ("有人知道 511 吗，连酒店 wifi 时候弹的", 511),
        ("刚发版就 502 了，502 一般先查哪", 502),
        ("301 和 308 我老记混，308 具体是啥", 308),
        ("QPS 才 300，怎么就 429 了", 429),  # a load figure is no code
        ("jin zhi fang wen shi duo shao", 403),  # a pinyin ask typed syllable by syllable
        # A remark that it is fixed, yet trouble came of the change.
        ("我把 nginx 升级到 1.25 已经调好了，然后就 502 了", 502),
    ],
)
def test_questions_in_chatty_clothes_are_answered(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    "text",
    [
        # Talk about how errors are handled, and about bills and tools: no guesses offered.
        "我们组在争论要不要把错误码规范收到网关层统一做",
        "Spring 的全局异常处理用起来真香",
        "面经分享：三面问了状态码分类和缓存协商，整体不难",
        "腾讯云代金券下周就过期了，有人要吗",
        "阿里云 OSS 这个月的费用又涨了，是不是归档没配好",
        # A number glued to a unit is a size, not a status the cloud returned.
        "华为云 OBS 本月下行流量 413GB",
        # Notices that trouble is expected or was nothing.
        "今晚灰度发布，期间可能出现少量 5xx，属预期现象，无需上报",
        "昨天那个报错是我本地抓包工具没关，虚惊一场",
    ],
)
def test_talk_about_errors_bills_and_tools_gets_no_guesses(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Asking for one answer still gets it, however the talk is framed.
        ("面试题：资源被永久删除、以后也不会再有，按规范应该返回哪个", 410),
        ("重试三次后依然 502，这个状态是什么意思", 502),
        ("403 和 401 老记混，401 是没登录对吧？", 401),
        ("been staring at this 502 from the load balancer all morning", 502),
        # The code named before the ask ("…状态码来记录，是哪一个") is asked for: a status first.
        ("nginx 开了客户端证书校验，证书校验失败时它内部用一个非标准状态码来记录，是哪一个", 495),
    ],
)
def test_one_answer_asked_for_amid_talk_is_given(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A code whose sentence says its trouble is over, beside one whose sentence does not.
        ("早上那个 404 是路由配错了，已经修了；现在支付服务又报 503，一般是什么原因", 503),
        ("301 的问题搞定了，谢谢大家。新问题：上传接口返回 415 是咋回事", 415),
        ("上周 502 那次的复盘改到周五了。另外 409 一般怎么处理，PUT 的时候报的", 409),
        ("之前用 404 处理下架商品，产品说要换成 410，410 啥含义", 410),
    ],
)
def test_a_code_left_behind_in_a_settled_sentence_gives_way(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("网关这边 200 正常，但用户那边偶发 408，408 是客户端慢还是服务端慢", 408),
        ("order 返回 200，pay 返回 502，我先看 pay，502 一般先查哪", 502),
        ("老师说 100 Continue 传大文件时会用到，那 417 又是什么", 417),
        ("好消息：200 和 204 都正常了；坏消息：更新接口还是 409，409 到底指啥", 409),
    ],
)
def test_the_code_asked_about_among_several_leads(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("华为云 ECS 先后返回 Ecs.0001 和 Ecs.0013，Ecs.0013 是啥", "Ecs.0013"),
        ("腾讯云报 UnauthorizedOperation.MFAExpired，之前那个 InvalidParameterValue 已经解决了，这个是啥", "UnauthorizedOperation.MFAExpired"),
    ],
)
def test_the_cloud_code_asked_about_among_several_leads(service, text, code):
    assert service.resolve(text).matches[0].answer.error_code == code


@pytest.mark.parametrize(
    "text",
    [
        "排查完了：超时全是 499，客户端自己断开的，结案",
        "QPS 峰值到了 503/s，离限流还远",
        "520 那天发版纯属巧合 😂",
        "本周网关共处理请求 302 万次，比上周增长 8%",
        "课程作业：用 Django 写个带错误处理的 REST API，下周一前交",
        "今天学到了 OPTIONS 预检请求是浏览器自己发的，涨知识了",
    ],
)
def test_wrap_ups_figures_and_learning_notes_are_not_answered(service, text):
    assert service.resolve(text).matches == ()


def test_an_ask_ending_the_codes_clause_is_about_that_code(service):
    text = "配置里看到 return 444; 这个 444 是啥状态码，客户端会看到什么"
    assert service.resolve(text).matches[0].status == 444


def test_a_port_changed_to_a_number_is_no_code(service):
    assert service.resolve("跳板机的 ssh 端口改成 503 了，记得更新配置").matches == ()


@pytest.mark.parametrize(
    "text",
    [
        # Codes worn as a mood, a motto or a joke.
        "周一早上的我：503 Service Unavailable",
        "本人状态 410 Gone，有事明天说",
        "我们小组的口号：永远 200 OK 💪",
        "Got 404 upvotes on that meme",
        # Figures and notices.
        "华为云 OBS 目前存了 420 TB，下季度做冷热分层",
        "发布完了，健康检查全是 200 ✅",
        "明早 9 点到 10 点维护，期间返回 503 是正常的，公告已发",
        "阿里云欠费的那个账号财务已经续上了",
        # Small talk to the bot.
        "你好呀，你是专门解答状态码的吗",
    ],
)
def test_jokes_figures_notices_and_small_talk_are_not_answered(service, text):
    assert service.resolve(text).matches == ()


def test_keeping_the_method_named_plainly_is_the_method_keeping_redirect(service):
    text = "表单 POST 以后做临时跳转，想保持 POST 不变的那个临时重定向是哪个码"
    assert service.resolve(text).matches[0].status == 307


@pytest.mark.parametrize(
    "text",
    [
        "今天心情：网关超时，请稍后再试",
        "今天心情 502，谁来找我都是网关错误",
        "我现在的心情 500，内部错误",
        "女朋友问我饿不饿，我回了个 200 OK",
        "新闻：某云厂商宕机 3 小时，大量网站返回 503",
        "面试被问了 401 和 403 的区别，我答上来了嘿嘿",
        "正则怎么匹配 100 到 599 之间的数字",
        "leetcode 206 反转链表大家刷了吗",
    ],
)
def test_moods_stories_and_unrelated_numbers_are_not_answered(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("读书会有人问 308，308 是啥意思来着", 308),
        ("回滚完了还是 504，504 一般怎么排查", 504),
        ("謝謝機器人！再問一個，413 是怎麼回事", 413),
        ("创建接口返回 201 正常吗，不是应该 200 吗", 201),
    ],
)
def test_asks_after_chatter_are_answered(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    "text",
    [
        "我把 nginx 的 proxy_connect_timeout 从 5s 调到 10s 了，先观察一下",
        "那个 TLS 握手失败是用户电脑时间不对导致的，已经跟用户解释过了",
        "报错已经修复，hotfix 已合入 master",
    ],
)
def test_settings_changed_and_errors_explained_away_are_remarks(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("401 的问题小李已经搞定了，我这边是 403，token 是对的还是不让访问，啥原因", 403),
        ("昨天是 500，今天又变成 502 了，502 是说上游挂了吗", 502),
        ("先别吵 301 还是 302 了，我就想知道 network 里一堆 304 是不是出错了", 304),
    ],
)
def test_the_code_still_open_among_several_leads(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    "text",
    [
        "主从切换演练完成，全程没有报错",
        "LeetCode 刷到 429 题了，庆祝一下",
        "连接池最大 50，超时 3 秒，先这样配",
    ],
)
def test_done_configs_and_drills_are_remarks(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("what status should I return when the user is logged in but doesn't have permission to see this resource", 403),
        ("Which status code is recommended for a captive portal that makes you log in before browsing?", 511),
    ],
)
def test_english_questions_asking_which_status_read_the_whole_entry(service, text, code):
    """An English question asking which status is about HTTP already: the whole-entry tier
    reads its description, as it reads a Chinese one that asks 是哪个状态码."""
    assert service.resolve(text).matches[0].status == code


def test_a_comparison_asked_without_a_question_word(service):
    assert [m.status for m in service.resolve("重顶向 301 和 302 区别").matches[:2]] == [301, 302]
    assert service.resolve("307 和 308 的区别我写到 wiki 里了，感兴趣去看").matches == ()
    assert service.resolve("what is http 418 i'm a teapot lol").matches[0].status == 418  # asked, laughing


def test_a_number_asked_for_a_setting_leaves_the_typed_code_standing(service):
    text = "ingress 报 504，后端那个导出接口要跑 90 秒，ingress-nginx 默认超时是多少来着"
    assert service.resolve(text).matches[0].status == 504
    # Asked for a code after the typed one, it is still a scene-setter ("…那登录了但权限不够的是多少").
    assert service.resolve("401 是没认证我知道，那登录了但权限不够的是多少").matches[0].status == 403


@pytest.mark.parametrize(("text", "code"), [("四零四是什么意思", 404), ("五零二 错误怎么办", 502)])
def test_a_code_in_chinese_numerals_leading_a_question(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize("text", ["三零一宿舍今晚聚餐", "四零四房间的钥匙在我这"])
def test_chinese_numerals_asking_nothing_are_no_code(service, text):
    assert service.resolve(text).matches == ()


def test_an_alias_denied_is_not_the_answer(service):
    text = "用户已经登录了，身份没问题，但他的角色不允许删除别人的文章，这种情况返回什么（注意不是没登录那种）"
    assert 401 not in [m.status for m in service.resolve(text).matches]
    assert service.resolve("用户没登录就来调接口返回什么").matches[0].status == 401


def test_a_choice_between_two_codes_is_a_question(service):
    text = "问个小白问题，PUT 更新成功了返回200还是204比较规范呀，我们组里为这个吵起来了哈哈哈"
    assert {m.status for m in service.resolve(text).matches[:2]} == {200, 204}
    assert service.resolve("删除成功返回 204 还是 200，最后按规范定了 204，别再争了").matches == ()


def test_two_typed_codes_compared_are_both_answered(service):
    text = "测试环境接口全返回401了，另外401跟403区别我一直搞不清，有大佬讲讲吗"
    assert [m.status for m in service.resolve(text).matches[:2]] == [401, 403]


def test_asking_which_meaning_asks_for_no_code(service):
    assert service.resolve('401 中文叫"未授权"，可它其实是没认证吧，到底是哪个意思').matches[0].status == 401


def test_english_verbs_meet_the_entries_words(service):
    assert service.resolve("what status code should I return after creating a resource").matches[0].status == 201


def test_a_code_in_chinese_numerals_before_a_redirect_word(service):
    assert service.resolve("三零一跳转是永久的吗").matches[0].status == 301


def test_a_cdn_vendors_code_needs_the_vendor_named_in_a_description(service):
    text = "连海外的 redis 建连接一直卡着最后超时，抓包看 SYN 发出去了没回包"
    assert all(m.status not in (521, 522) for m in service.resolve(text).matches)
    said = "Cloudflare 回源的时候 TCP 握手一直没完成，抓包看 SYN 发出去了没回包，用户看到的是哪个码"
    assert service.resolve(said).matches[0].status == 522


def test_a_comparison_asked_in_pinyin(service):
    assert [m.status for m in service.resolve("chong ding xiang 301 he 302 you sha qu bie").matches[:2]] == [301, 302]
    assert service.resolve("wo zai 404 fang jian").matches == ()  # no ask: a room


def test_yao_is_one_in_a_code_read_out(service):
    assert service.resolve("四幺三是什么").matches[0].status == 413


def test_a_proper_status_asked_in_english(service):
    text = "Proper status code for a POST that tries to create a user whose email already exists?"
    assert service.resolve(text).matches[0].status == 409


def test_asking_for_the_standard_puts_registered_codes_first(service):
    text = "浏览器带的 cookie 太多太大，整个请求头超过了服务器的限制，按 RFC 应该返回什么"
    assert service.resolve(text).matches[0].status == 431
    # "非标准码" asks for the vendor's own code.
    assert service.resolve("nginx 日志里请求头太大时记录的非标准状态码").matches[0].status == 494


@pytest.mark.parametrize(
    ("text", "code"),
    [("wang guan chao shi shi duo shao hao zhuang tai ma", 504), ("wei shou quan zhuang tai ma shi ji", 401)],
)
def test_a_name_in_pinyin_inside_a_pinyin_question_frame(service, text, code):
    assert service.resolve(text).matches[0].status == code


def test_a_cdn_vendors_code_by_word_overlap_needs_the_vendor_named(service):
    text = "证书里的域名和实际访问的域名对不上，Chrome 会报什么"
    assert all(m.status != 526 for m in service.resolve(text).matches)
    assert service.resolve("Railgun 监听器和源站之间的连接出了问题").matches[0].status == 527


def test_a_cry_for_help_in_a_laugh_is_still_asked(service):
    text = "哈哈哈我把 nginx 的 client_max_body_size 忘改了，用户上传视频全 413 了，谁来救救我 😭"
    assert service.resolve(text).matches[0].status == 413
    # The same story told with a shrug asks nothing.
    assert service.resolve(text.replace("谁来救救我", "习惯了")).matches == ()


def test_a_client_closing_the_tab_is_nginxs_499(service):
    text = "用户点了页面后嫌慢，还没等服务端返回就直接关掉了标签页，nginx 在 access log 里给这条请求记了一个非标准的状态码，是多少？"
    assert service.resolve(text).matches[0].status == 499


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("nginx 反代到后端，后端一直不回，等了 60 秒 nginx 自己给浏览器返回了一个错误页，这种情况一般是哪个状态码？", 504),
        # What the proxy sent its client is asked: the status leads, the connection error beside it.
        ("作为反向代理的 nginx 从上游拿到了无效响应，比如上游进程崩了、连接被重置，于是给客户端返回的那个错误是？", 502),
        ("Which status code should I return when a resource has moved permanently and the client must not change POST to GET?", 308),
    ],
)
def test_descriptions_of_a_proxy_and_a_redirect_that_keeps_its_method(service, text, code):
    assert service.resolve(text).matches[0].status == code


def test_a_step_taken_after_but_is_the_complaint_not_the_cure(service):
    top = service.resolve("华为云 ECS 接口返回 403，说余额不足受限，可是我刚充了钱").matches[0]
    assert top.kind == "error" and top.answer.error_code == "Ecs.0067"
    assert service.resolve("阿里云欠费停机了，已经充值了").matches == ()  # the cure told


def test_the_code_asked_to_change_to_comes_first(service):
    text = "@后端 登录 token 过期你们返回 403，前端拦截器只认 401 才去刷新 token，能统一成 401 吗？"
    assert [m.status for m in service.resolve(text).matches[:2]] == [401, 403]
    # A change whose effects are asked about keeps the typed order.
    assert [m.status for m in service.resolve("302 改成 301 有什么影响").matches[:2]] == [302, 301]


@pytest.mark.parametrize("text", ["接口已经被限流了怎么办", "接口昨天又被限流了"])
def test_a_status_alias_with_a_time_word_inside_it(service, text):
    top = service.resolve(text).matches[0]
    assert top.status == 429 and top.tier == "alias"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("404是神马意思啊", 404),  # 神马: the web's 什么
        (
            '产品这边问一下哈，用户说打开活动链接显示404，开发说活动下线了所以正常。有没有专门表示"这个页面以前有、现在永久没了"的状态码？@后端组',
            410,
        ),
        ("新同事问我：为什么我们的接口创建成功返回 200 不返回 201？我居然答不上来😅 201 到底什么时候用啊，有没有人科普下", 201),
        ("What's the difference between 502 and 504 on AWS ALB? I'm getting 504s after exactly 60s", 504),
        # The code one's own service answers, in either language.
        ("401 vs 403 for an expired token? our gateway returns 403 right now", 403),
        # ... unless it is the code put in doubt: then the typed order stands.
        ("401 vs 403 for an expired token? our gateway returns 403, is that wrong?", 401),
        ("401 和 403 有啥区别，token 过期我这边返回的是 403，这样对吗", 401),
        ("301 和 302 有啥区别，我这边返回的是 302", 302),
        # The code the asker has, after someone else's was corrected.
        ("502 和 504 我一直分不清，那我这个 504 到底该查哪", 504),
    ],
)
def test_the_code_the_question_is_about_comes_first(service, text, first):
    assert service.resolve(text).matches[0].status == first


def test_a_quoted_name_asked_about_is_the_subject_even_when_typed_beside_it(service):
    text = '很多中文教程把 401 叫"未授权"，可它其实是没认证吧？"未授权"到底指哪个码'
    assert service.resolve(text).matches[0].status == 401


def test_a_codes_new_name_asked_keeps_the_code(service):
    text = "422 以前叫'无法处理的实体'，RFC 9110 里改成什么名字了"
    assert service.resolve(text).matches[0].status == 422


@pytest.mark.parametrize(("text", "code"), [("308 是永久的吗", 308), ("301是永久的吗", 301), ("302是临时的吗?", 302)])
def test_a_trait_from_the_codes_own_name_asked_is_a_lookup(service, text, code):
    assert service.resolve(text).matches[0].status == code
    assert service.resolve("201是你们班吗").matches == ()


def test_nginxs_own_code_is_not_what_another_server_sends(service):
    text = "用户浏览器里 Cookie 攒得太多，整个请求头体积超限，Node 的 http 服务直接拒绝了这个请求，返回的状态码是多少"
    assert service.resolve(text).matches[0].status == 431


def test_behind_nginx_another_vendors_code_needs_its_vendor_named(service):
    text = (
        "复盘记录：Java 服务因为 OOM 被内核 kill 掉，nginx 转发过去的连接被对方直接关闭，没有拿到任何有效的 HTTP 响应，"
        "于是给用户回了一个错误。请问这个错误码是？"
    )
    codes = [m.status for m in service.resolve(text).matches]
    assert codes[0] == 502 and 599 not in codes  # Tornado's 599 is a client library's
    assert service.resolve("nginx 后面是 tornado，日志里一堆 599").matches[0].status == 599


def test_an_alert_put_off_asks_nothing(service):
    assert service.resolve("线上那个 ECONNRESET 的告警我先静默了，明天再查").matches == ()
    assert service.resolve("线上一直报 ECONNRESET，怎么查").matches[0].key == "ECONNRESET"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("@后端 登录接口在 Safari 上 POST 完变成了 GET，日志里看到中间有个 302，302 为啥会把方法改掉啊？要不要换别的", 302),
        ("更新接口要求带 If-Match，客户端带的ETag跟服务器上现在的已经不一样了，服务器拒绝执行这次条件请求，返回的状态码是多少", 412),
        ("阿里云 OSS 上传回调：文件其实已经传上去了，但 OSS 去调业务的回调地址失败了，这时 OSS 返回给客户端的那个很少见的 2xx 是多少？", 203),
    ],
)
def test_questions_from_fresh_mixed_22(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("qing wen 429 daibiao shenme", 429),  # the ask in pinyin, the number alone
        ("http 203shi sha", 203),  # the code run into the pinyin
        ("503 shi gan ma de", 503),
        ("状态吗 402 是干嘛的", 402),  # 码 typed by its sound
        ("网站因为法律或者政府的要求对某个地区屏蔽了部分内容，有个专门的状态码，据说名字跟一本反乌托邦小说有关，是哪个", 451),
    ],
)
def test_questions_from_fresh_mixed_23(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize("text", ["wo zhu 404 hao fang", "今天状态吗 100 分"])
def test_pinyin_and_sound_typed_cues_keep_numbers_in_chatter(service, text):
    assert service.resolve(text).matches == ()


def test_an_action_told_in_words_prefers_its_documented_rows(service):
    # "创建快照" is CreateSnapshot: its quota error before the automatic-snapshot policy's.
    res = service.resolve("阿里云 ECS 创建快照太多超出配额")
    assert res.matches[0].answer.error_code == "QuotaExceed.Snapshot"


def test_a_clock_behind_the_server_is_the_time_skew(service):
    res = service.resolve("阿里云 OSS：客户端机器时间比服务器慢了十几分钟，签名请求被拒，错误码叫什么")
    assert res.matches[0].answer.error_code == "RequestTimeTooSkewed"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("今天面试被问倒了，面试官问 HTTP 里“请求超时”是哪个码，我说 504 他说不对，求科普", 408),  # an answer called wrong
        ("切换协议 是 1 开头那个吧，具体多少", 101),  # a class asked into, not chatter
        ("API 网关把请求转给后端，后端半天不回，网关等到超时为止，这时该给客户端返回哪个", 504),  # any vendor's gateway
        ("给一个只读的资源发了 DELETE，服务器表示这个资源不支持这种方法，该回哪个", 405),
    ],
)
def test_questions_from_fresh_mixed_24(service, text, code):
    assert service.resolve(text).matches[0].status == code


def test_a_parameter_typed_by_name_picks_the_code_that_names_it(service):
    res = service.resolve("STS AssumeRole 的时候把 RoleArn 格式写错了，阿里云返回哪个错误码")
    assert res.matches[0].answer.error_code == "InvalidParameter.RoleArn"


def test_huawei_named_still_reads_its_gateway(service):
    res = service.resolve("华为 API 网关 后端超时 报什么错")
    assert res.matches[0].kind == "error" and res.matches[0].answer.error_code == "APIGW.0201"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("更新接口要求带 If-Match，结果客户端带的 ETag 已经过期了，服务器拒绝这次更新，应该返回什么", 412),
        ("用户压根没登录、请求里也没带任何凭证就去调需要认证的接口，该回哪个？注意不是有凭证但权限不够那种", 401),
        ("404是神么意思", 404),
        ("Our corporate proxy wants me to log in before forwarding requests. Which status does the proxy send back?", 407),
    ],
)
def test_questions_from_fresh_mixed_25(service, text, code):
    assert service.resolve(text).matches[0].status == code


def test_an_aside_names_the_case_ruled_out_only_after_a_denial(service):
    assert service.resolve("为什么权限不够那种情况回403").matches[0].status == 403


def test_not_enough_ips_in_the_subnet_is_huaweis_ip_shortage(service):
    res = service.resolve("华为云创建云服务器，提示所选子网里没有足够的 IP 地址了，这个错误码是多少")
    assert res.matches[0].answer.error_code == "Ecs.0012"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("网关把请求转给后端，结果后端返回了一堆乱七八糟根本不是合法 HTTP 的东西，网关这时候给客户端回什么", 502),
        ("what's the right status code when the server is a teapot lol", 418),  # a laugh beside a question
        ("Does 301 turn my POST into a GET? Which code keeps the method for a permanent redirect?", 308),
        ("书上说的“未授权”是哪个？不是“禁止访问”那个", 401),  # a quoted name after a denial is ruled out
    ],
)
def test_questions_from_fresh_mixed_26(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    ("text", "error_code"),
    [
        ("想把 ECS 实例移出某个安全组，阿里云说这是它唯一的安全组不能移，错误码是？", "InstanceLastSecurityGroup"),
        ("用 RAM 子账号调 ECS 接口，返回说账号没权限操作这个资源，让去找主账号申请权限，这是啥错误码", "Forbbiden.SubUser"),
    ],
)
def test_cloud_questions_from_fresh_mixed_26(service, text, error_code):
    assert service.resolve(text).matches[0].answer.error_code == error_code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("用户注册的时候用户名已经被别人占了，REST接口回400感觉不太对，语义上更合适的是哪个码？", 409),
        ("xiao cheng xu qing qiu bao 413", 413),  # 报 413 in pinyin
    ],
)
def test_questions_from_fresh_mixed_27(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("v2.3.1 升级后接口开始返回 415，是不是 Content-Type 变了", 415),  # 是不是 asks, it calls nothing wrong
        ("@前端 你那个 POST 接口返回 415 了，是不是 Content-Type 没设成 application/json？", 415),
    ],
)
def test_a_code_asked_about_with_shi_bu_shi_is_not_called_wrong(service, text, code):
    assert service.resolve(text).matches[0].status == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("刚接手个老项目，前任留下的 nginx 配置里有句 return 444; 这是个什么状态码，浏览器能收到吗？", 444),
        ("没登录的用户直接调需要鉴权的接口，应该回哪个？跟权限不够那个有啥区别", 401),  # set against, not asked
        ("今天面了个应届生，301 和 302 的区别都答不上来🤦 顺便考考你们，307 跟 302 差在哪？", 307),  # after the turn
    ],
)
def test_questions_from_fresh_mixed_28(service, text, code):
    assert service.resolve(text).matches[0].status == code


def test_cloud_questions_from_fresh_mixed_28(service):
    res = service.resolve("OBS 多段上传合并时，段列表没按段号从小到大排，会返回什么错误码")
    assert res.matches[0].answer.error_code == "InvalidPartOrder"
    res = service.resolve("ECS 创建实例，UserData 直接塞了明文脚本没做 base64，会报哪个错")
    assert res.matches[0].answer.error_code == "InvalidUserData.Base64FormatInvalid"


def test_pinyin_ending_in_a_question_mark_asks_about_the_code(service):
    assert service.resolve("429 tai duo qing qiu le?").matches[0].status == 429


def test_ties_keep_the_cloud_kinds_own_order(service):
    # Three codes a typo away, all capped alike: the nearest spelling first, whatever statuses
    # the others are returned with.
    res = service.resolve("InvalidInstnaceId.NotFound 阿里云")
    assert res.matches[0].answer.error_code == "InvalidInstanceId.NotFound"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("404 mot found 是啥", 404),  # a key beside the first letter
        ("上课讲到 1xx 状态码，有个是客户端请求升级协议（比如从 HTTP 升级到 WebSocket）时服务器同意切换用的，学生问是几", 101),
        ("我们合规那边要求按地区屏蔽某些内容，返回码有专门的吗？别跟我说 403，法务要一个能说明是法律原因的", 451),
        (
            "两个后台管理员同时改同一条配置，我们用 ETag 做乐观锁，后保存的那个人请求里带的 If-Match 已经对不上当前版本了，"
            "接口按规范应该返回什么状态码来拒绝这次更新？",
            412,
        ),
    ],
)
def test_questions_from_fresh_mixed_30(service, text, code):
    assert service.resolve(text).matches[0].status == code



@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("客户端发大文件前先带了 Expect: 100-continue 头试探，结果服务端表示满足不了这个期望，直接拒绝，返回的是？", 417),
        ("下载工具做断点续传，请求头里写了 Range: bytes=5000000- ，可服务器上的文件总共只有 3MB，服务器按规范应该返回什么状态给它？", 416),
        # Without the failure told, the mechanism's own status stands.
        ("Expect: 100-continue 是干嘛的", 100),
        ("断点续传返回什么状态码", 206),
    ],
)
def test_a_mechanism_named_gives_way_to_the_status_it_fails_with(service, text, first):
    assert service.resolve(text).matches[0].status == first


# Questions from session 15's held-out sets (fresh_mixed_41-48 and the final 42), each
# answered after the rule its comment names.
SESSION_15 = [
        # --- fresh_mixed_41 ---
        # An English question's frame (what status code should … return) names no status: 302's
        # prose shared those four words, 400's the ones the question is about.
        ("what status code should an API return when the client sends malformed JSON?", 400),
        # 时限 is the deadline the client set.
        ("gRPC 客户端给调用设置了 3 秒的时限，服务端要处理 5 秒才返回，客户端这边最后拿到的状态叫什么", "DEADLINE_EXCEEDED"),
        # 挂在, as often typed as 挂载: the disk is still attached.
        ("阿里云调 DeleteDisk 提示磁盘仍然挂在实例上，是哪个 code", "DiskStillAttached"),
        # --- fresh_mixed_43 and 44 ---
        # An errno asked for: Chromium's "连接失败" is no errno.
        ("进程打开的文件描述符太多，超过了 ulimit -n 的限制，accept 新连接失败时 errno 是哪个？", "EMFILE"),
        # Chrome's own error asked for, beside a redirect loop told in words.
        ("一个页面 A 跳 B、B 又跳回 A，浏览器来回跳了二十多次后放弃了，页面显示无法正常运作，Chrome 底层是哪个错误？", "ERR_TOO_MANY_REDIRECTS"),
        # "还有什么可能" asks, however much the rest sounds like a report.
        ("今天发版又炸了💥 监控里 500 飙了一片，500 除了代码异常还有什么可能", 500),
        # Of two names compared, the one met.
        ("@小助手 gRPC 报 PERMISSION_DENIED 和 UNAUTHENTICATED 有啥区别？我这边报的是 UNAUTHENTICATED", "UNAUTHENTICATED"),
        # A peer's RST, the iOS wording of a lost connection.
        ("服了，测试说 app 偶尔提示网络连接已中断，抓包看是对端发了 RST，这种 TCP 层的错一般都有哪些原因？", "ECONNRESET"),
        ("长连接空闲一段时间后，中间的 NAT 设备把连接表项清掉了，之后客户端再往这条连接上写数据，对端回了 RST，读数据时报错。", "ECONNRESET"),
        # A status typed beside a message merely like a vendor's, no cloud named: the status.
        ('{"code":401,"message":"token expired","data":null} 前端拿到这个该跳登录吧', 401),
        # A documented message's first sentence quoted.
        ("OBS 创建桶失败：请求的桶名已经存在，桶名是全局共用的吗", "BucketAlreadyExists"),
        ("Node 服务启动时想监听 3000 端口，可机器上另一个进程早就占着这个端口了，服务一启动就失败退出。", "EADDRINUSE"),
        # "接口约定" is the API's contract, not a convention argued over.
        ("接口约定只接受 application/json，前端同学却用 multipart/form-data 把数据发了过去，服务端表示不支持这种格式的请求实体，请求被拒绝。", 415),
        # --- a message like a vendor's explains a typed status only with the cloud named ---
        ("华为云 APIG 报 401，提示 token expired", "APIG.1001"),  # the cloud named: its error explains the status
        ("APIG 401 token expired", "APIG.1001"),
        ("接口报 401，提示 token expired", 401),  # no cloud named: the user's own API
        # --- fresh_mixed_45 and 46 ---
        # "tencent cloud" in two words is the provider's name, not a word of the paraphrase.
        ("tencent cloud CVM says the number of key pairs exceeds the limit when I import a new one", "InvalidKeyPair.LimitExceeded"),
        # An interview question that asks how to respond asks for a status.
        ("面试题：客户端发了 Range: bytes=5000-6000，可文件总共才 3000 字节，服务器没法给出这个区间，该怎么响应？", 416),
        # "谁见过" asks, laugh or not.
        ("[图片] 这个谁见过，websocket 收到 1011 就断了，后端同学说不是他们的锅😂", "1011"),
        # "exits with code N": curl's exit code.
        ('curl exits with code 52 "Empty reply from server", what does it mean', "CURLE_GOT_NOTHING"),
        # --- English descriptions, and a read after a reset ---
        # English descriptions of 402, 204, 426 and 501 (against 405).
        ("Which status code means the client has to pay before it can access the resource? I heard it is reserved", 402),
        ("DELETE succeeded and there is nothing to return - which status code?", 204),
        ("Which HTTP status tells the client it has to switch to a different protocol before the server will handle the request?", 426),
        ("What should a server send when it doesn't support the request method for any resource at all?", 501),
        # A read after the peer's reset is ECONNRESET; EPIPE stays a write's.
        ("TCP 层面的问题：服务端进程已经 close 了 socket，客户端还在往里写数据，然后收到 RST，Linux 上 read 返回的错误码叫什么", "ECONNRESET"),
        ("我们有个 TCP 长连接空闲了一晚上，中间的 NAT 网关早就把这条会话表项清掉了，第二天早上服务端往这条连接里写数据再去读，直接收到对端发来的 RST，程序里报的那个 errno 是什么？", "ECONNRESET"),
        ("往一个已经关闭的连接写数据报什么错", "EPIPE"),
        # --- fresh_mixed_47 and 48 ---
        ("我们的 Nginx 作为反向代理把请求转发给后端，后端进程崩了吐回来一堆乱七八糟不符合 HTTP 协议的数据，Nginx 判断上游响应无效，给用户返回了错误页。", 502),
        # An operation aborted (中止) is trouble told: the WebDAV loop is 508.
        ("一个 WebDAV 服务在处理 PROPFIND 深度为 infinity 的请求时，发现目录里的绑定关系形成了环，遍历会无穷无尽，于是中止了整个操作。", 508),
        # Help asked for: "财务说已经充值了" settled nothing.
        ("@bot 帮看下，ECS CreateInstance 返回 Your account has an outstanding payment. 财务说已经充值了啊", "Account.Arrearage"),
        # The browser named in pinyin: its name for an expired certificate.
        ("liu lan qi 报 zheng shu guo qi 了 咋办", "ERR_CERT_DATE_INVALID"),
        # --- fresh_mixed_42 (the final set, after its one scoring) ---
        # Three ECS codes carry the quoted message: the one more APIs document leads.
        ("阿里云 ECS 用自定义镜像创建实例报 指定的镜像不存在，错误码是哪个", "InvalidImageId.NotFound"),
        # The browser's block told beside a typed success: the CORS topic leads, 200 beside.
        ("群里有懂跨域的吗 前端一直说请求被浏览器拦了 后端说我这边返回 200 没问题 到底谁的锅", "CORS_MISSING_ALLOW_ORIGIN"),
        # A range beyond the file ("才 5MB", "落在文件外面"): 206 gives way to 416.
        ("做视频断点下载，客户端发 Range: bytes=10000000- ，可文件总共才 5MB，请求的区间完全落在文件外面，服务器该返回什么？", 416),
        ("表单提交成功后，服务器希望浏览器把当前页面上的表单清空、恢复到初始视图，但不需要跳转到别的页面，也不返回任何内容，应该用哪个状态码？", 205),
]


def _first(res) -> object:
    """The first answer as the tables above write it: a status number, a network name or a cloud code."""
    top = res.matches[0]
    return top.status if top.kind == "status" else top.key if top.kind == "network" else top.answer.error_code


@pytest.mark.parametrize(("text", "first"), SESSION_15)
def test_questions_from_session_15(service, text, first):
    assert _first(service.resolve(text)) == first


def test_a_grpc_list_asked_with_a_slip_is_the_grpc_list(service):
    res = service.resolve("grcp 状态码 都有哪些")
    assert res.mode == "class"
    assert [m.key for m in res.matches[:2]] == ["OK", "CANCELLED"]


# Session 16: remarks that name an error (chatter_boundary_1), and the questions beside them.
SESSION_16_REMARKS = [
    # The cause told after the error's name, nothing asked.
    "EPIPE 是对端先关了连接，我们这边写日志时忽略掉了",
    "MutexOperation.TaskRunning 就是同类任务还在跑，等跑完再调就行，不是 bug",
    # An identifier in a text the chatter model is all but sure of (CHATTER_IDENTIFIER).
    "我宣布 ECONNRESET 是我今年最讨厌的单词",
    # A fix told: "改了就好", "就稳了", "已充值".
    "客户那边 ERR_CERT_DATE_INVALID 是电脑时间停在 2019 年…… 改了就好",
    "OBS InArrearOrInsufficientBalance 已充值，上传恢复",
    # A settled story, withdrawn at a lower chatter probability (CHATTER_SETTLED), the same
    # when an identifier is named in it.
    "去年我们也遇到过被限流的问题，后来加了指数退避重试",
    "grpc 那个 DEADLINE_EXCEEDED 我把超时调大了，先观察一晚上",
    # A lesson labelled as one.
    "教新人：curl 35 一般就是 TLS 握手挂了，加 -v 看卡在哪一步",
    "说个冷知识：OSS 的 CallbackFailed 状态码是 203 不是 5xx，文件其实已经传上去了",
    # The cause found and told ("找到原因了" asks for no reason; "是因为 …" tells one).
    "405 那个找到原因了，前端把 PUT 写成了 PATCH，后端路由没注册",
    "x509: certificate signed by unknown authority 是因为镜像里没装 ca-certificates，alpine 老坑了",
]
SESSION_16_QUESTIONS = [
    # One Latin word typed alone is a lookup, however chatty the model finds it.
    ("LessThanImageSize", "InvalidSystemDiskSize.LessThanImageSize"),
    ("MissingParamter", "MissingParamter"),  # Aliyun's own spelling
    # The name opens the text, but the cause is asked, not told.
    ("ERR_CONNECTION_RESET 是网络问题还是服务器问题", "ERR_CONNECTION_RESET"),
    ("EPIPE 是什么意思", "EPIPE"),
    ("EPIPE 是不是对端先关了连接？", "EPIPE"),
    # A paste with no Chinese in it is not judged by the chatter model.
    ("connect ECONNREFUSED 10.0.3.5:3306", "ECONNREFUSED"),
    # The same error, help wanted.
    ("OSS InvalidAccessKeyId，AK 是刚建的，求救", "InvalidAccessKeyId"),
    ("grpc 那个 DEADLINE_EXCEEDED 我把超时调大了还是报，咋整", "DEADLINE_EXCEEDED"),
    ("求科普 curl 35 是啥", "CURLE_SSL_CONNECT_ERROR"),
    # The cause asked for, in the same words.
    ("EPIPE 是因为什么", "EPIPE"),
    ("405 一直找不到原因，帮看看", 405),
    ("这个 502 是因为上游超时吗", 502),
    # --- fresh_mixed_49 ---
    # An errno name with letters typed after it.
    ("EHOSTUNREACHABLE", "EHOSTUNREACH"),
    # An English yes/no question beside a laugh is still a question.
    ("Is 418 a real status code lol", 418),
    # The cable pulled, no close frame either way: 1006, not 1005 (the card says so now).
    (
        "前端的 WebSocket 在传输过程中网络被拔掉，双方都没有收发关闭帧，浏览器触发 onclose，"
        "event.code 拿到的是一个规范规定不能出现在关闭帧里的保留值。是多少？",
        "1006",
    ),
]


SESSION_17_REMARKS = [
    # Someone already on it, or the teller puts it off.
    "公司 DNS 又抽风了，全员 ERR_NAME_NOT_RESOLVED，IT 说在修了",
    "又是 ETIMEDOUT，公司这破网真的烂，回家再弄吧",
    # The name set aside: what is asked after it is about something else.
    "跟 ENOTFOUND 无关哈，纯好奇：DNS 报文头里的 QDCOUNT 实际上都是 1 吗？",
    # The cause told after the name and where it happens ("在 docker 里是 …"), or with its
    # product named first ("华为云 OBS 的 NoSuchBucket 是 …").
    "EAI_AGAIN 在 docker 里是 DNS 临时解析失败，我们已经把 resolv.conf 指向内网 DNS 了",
    "华为云 OBS 的 NoSuchBucket 是 region 选错了，桶在 cn-south-1，endpoint 写成北京了",
    # A cause found ("找到了", "原来是"), or a cause and its effect with what was done after it.
    "ERR_TOO_MANY_REDIRECTS 找到了，CDN 回源走 http，源站又强跳 https，死循环，已改成协议跟随",
    "华为云 token 过期导致 APIG.0307，SDK 里加了自动刷新",
    # A notice labelled as one asks nothing, whatever words it uses ("几分钟").
    "【通知】本周六凌晨证书轮换，期间如果看到 NET::ERR_CERT_DATE_INVALID 稍等几分钟刷新即可",
    # A record labelled as one, whatever the model makes of it.
    "记录：curl: (7) Failed to connect to 10.0.3.12 port 6443: Connection refused —— kube-apiserver 证书过期没起来，已经 renew",
    # Trouble kept off, not trouble met ("免得 … 又报").
    "明天给 ops 子账号补一下 ECS 只读权限，免得巡检脚本又报 Forbidden.RAM",
]
SESSION_17_QUESTIONS = [
    # Trouble that persists outlasts the step told after it.
    ("上传还是 413，client_max_body_size 已经改成 50m 也 reload 过了", 413),
    ("pod 里还是频繁 getaddrinfo EAI_AGAIN，coredns 已经扩到 3 副本了", "EAI_AGAIN"),
    ("开 CDN 之后 ERR_TOO_MANY_REDIRECTS，回源协议已经改成跟随了还在循环", "ERR_TOO_MANY_REDIRECTS"),
    # Done, and yet ("明明建好了").
    ("华为云 APIG.0101 API不存在或未发布到环境，API 明明建好了", "APIG.0101"),
    # Asked what else to look at.
    ("ECONNRESET 那个问题还没好，keepAliveTimeout 已经调到 65s 了，还能查啥", "ECONNRESET"),
    # A code, then a pointer back to it ("…494，这是啥状态码").
    ("nginx 日志里看到 494，这是啥状态码，客户端那边拿到的是 400", 494),
    # A bare cause and effect asks; "204 还是 200" is a choice, not trouble that persists.
    ("客户端提前断开导致 broken pipe", "EPIPE"),
    # --- fresh_mixed_50 and chatter_boundary_5 ---
    # Two codes in an English frame.
    ("what's the difference between 401 and 403", 401),
    # An alias typed with a wrong character of the same sound, or typed in pinyin with trouble
    # reported in pinyin.
    ("重定项太多了 浏览器打不开", "ERR_TOO_MANY_REDIRECTS"),
    ("kuayu baocuo access-control-allow-orgin", "CORS_MISSING_ALLOW_ORIGIN"),
    ("zhengshu guoqi le liulanqi yizhi baocuo", "ERR_CERT_DATE_INVALID"),
    # gRPC's own status asked for: before a status read from an alias of the description.
    (
        "gRPC 调用方给请求设置了 200 毫秒的超时，服务端那边一个慢查询跑了一秒多，客户端等不及先放弃了。客户端最后拿到的 gRPC 状态是什么？",
        "DEADLINE_EXCEEDED",
    ),
    # Where the missing thing was looked for is not what is missing.
    ("调阿里云 OSS 下载文件，报错说要取的那个 object 在 bucket 里不存在", "NoSuchKey"),
    ("阿里云 ECS 查实例详情，返回说我给的那个实例 ID 在账号下找不到，可 ID 明明是从控制台复制的", "InvalidInstanceId.NotFound"),
    # The named product's own API, not an API Gateway's missing API.
    ("Huawei Cloud ECS API tells me the server I'm querying doesn't exist", "Ecs.0114"),
    ("Which Cloudflare error do you get when the origin web server refuses the connection?", 521),
    ("Aliyun OSS won't let me delete the bucket, it says there are still objects inside", "BucketNotEmpty"),
    # --- fresh_mixed_51 ---
    # A one-word English reason phrase in an English sentence is a word ("…but I just created
    # it"), not the status, unless something around it talks HTTP.
    ("operation denied, your instance is locked for security reasons", "InstanceLockedForSecurity"),
    ("the API returns conflict", 409),
    (
        "gRPC 客户端要连的后端 Pod 正在滚动发布，连接一直建立不起来，调用失败返回的状态码按官方文档的说法属于临时性故障，可以退避之后重试。这是哪个状态？",
        "UNAVAILABLE",
    ),
    # A CHC physical server is not an instance; "连接直接被源站拒绝" is Cloudflare's 521.
    ("腾讯云 API 返回说没有找到对应的实例，实例 ID 是 ins-8a3kd92x，控制台里明明有", "InvalidInstanceId.NotFound"),
    (
        "网站接入了 Cloudflare，CDN 节点回源的时候发现源站的 nginx 已经停了，TCP 连接直接被源站拒绝，"
        "于是 CDN 给访客返回了它自己定义的一个错误页面。访客看到的是哪个错误码？",
        521,
    ),
    # "怎么定位" asks for help, whatever the model makes of the rest.
    ("今天的 500 回放完了，日志里除了空指针看不出别的，剩下那批怎么定位", 500),
]


SESSION_18_REMARKS = [
    # A note for others, labelled: teaching, a tip, a convention.
    "给新人：EPIPE 就是往对端已经关掉的连接里写东西，先看对面为什么断",
    "tips：curl: (60) 一般就是证书链不全，补中间证书就好",
    "给实习生讲：401 是没登录，403 是登录了但没权限",
    # An English line that tells the trouble settled (the model knows Chinese groups only).
    "ECONNRESET no longer reproduces since we bumped keepalive, closing the ticket",
    # Who or what did it ("这个是 … 搞的").
    "net::ERR_CONNECTION_RESET 这个是运营商那边搞的，切流量就没事",
    # A pasted line opening the text, then what it was.
    "curl: (28) Operation timed out after 30001 milliseconds 是出口 NAT 满了，扩容后恢复",
    "rpc error: code = Unavailable desc = connection error 这个是 sidecar 没起来，等它 ready 就行",
    # "原因：" with the cause after it.
    "ERR_HTTP2_PROTOCOL_ERROR 原因：网关把大响应截断了，调大缓冲区后恢复",
    "curl 56 原因：对面 WAF 封了我们出口 IP，已经申请解封",
    # A WebSocket close code opening the text, then what it was.
    "关闭码 1008 是我们鉴权没过主动断的",
    # A mood worn as a code ("今天状态 404").
    "今天状态 404，人找不到了",
    # --- fresh_mixed_52 and chatter_boundary_7 ---
    # More labels for a note, one dressed in an emoji; a cause found ("最后发现").
    "今天学到：ERR_SSL_VERSION_OR_CIPHER_MISMATCH 一般是服务端只开了太新的 TLS 版本",
    "分享一个坑：腾讯云 AuthFailure.SignatureExpire 基本都是机器时间不准",
    "⚠️全员注意：明早 6 点切证书，期间个别请求可能 ERR_CERT_COMMON_NAME_INVALID，刷新即可",
    "Nginx 一直报 ECONNREFUSED，最后发现 upstream 端口写错了",
]


def test_a_question_its_teller_answers_at_once_tells_the_cause():
    from bot.core import domain

    told = "为啥又是 econnrefused 127.0.0.1:6379? 因为 redis 没起,我的锅"
    assert domain.tells_cause(told)
    assert not domain.asks_for_help(told)
    # The answer itself asked ("…吗"), or no answer: a question.
    assert not domain.tells_cause("为啥又是 econnrefused? 因为 redis 没起吗")
    assert domain.asks_for_help("为啥又是 econnrefused? redis 明明起着")
SESSION_18_QUESTIONS = [
    # Another way round works ("直接访问是正常的"): not "是正常的" as in expected.
    ("华为云 APIG.0201 后端不可用，后端直接访问是正常的", "APIG.0201"),
    ("阿里云 SLB 报 502，后端直接访问是正常的", 502),
    # "连不上" tells trouble for the network cards as documents.
    ("nginx 的 ssl_protocols 只留了 TLSv1.3，老安卓手机连不上了，咋兼容", "SSL_UNSUPPORTED_PROTOCOL"),
    ("跨域要带 cookie，credentials include 的时候 Allow-Origin 还能写 * 吗", "CORS_CREDENTIALS_WILDCARD"),
    # Not what these rules read: Spring's "Resolved [...]", Firefox's own "（原因：…）", "不是他的锅".
    (
        "WARN o.s.w.s.m.s.DefaultHandlerExceptionResolver : Resolved "
        "[org.springframework.web.HttpRequestMethodNotSupportedException: Request method 'POST' is not supported]",
        405,
    ),
    (
        "已拦截跨源请求：同源策略禁止读取位于 https://api.example.com/list 的远程资源。（原因：CORS 头缺少 'Access-Control-Allow-Origin'）。",
        "CORS_MISSING_ALLOW_ORIGIN",
    ),
    ("ws 断开报 1006，前端说不是他的锅", "1006"),
    # A cause told, and yet the trouble is not gone: still a question.
    ("ERR_CERT_DATE_INVALID 是证书过期，可证书明明是新的", "ERR_CERT_DATE_INVALID"),
    ("ECONNRESET 是对端重启了，但重启完也没好", "ECONNRESET"),
    ("x509: certificate has expired or is not yet valid 是证书过期了，但我刚续过", "X509_V_ERR_CERT_HAS_EXPIRED"),
    # A label, then a question ("科普：…是什么意思"); a setting, not a figure ("返回码设 429").
    ("科普：ECONNRESET 是什么意思", "ECONNRESET"),
    ("总结：504 怎么排查", 504),
    ("限流时返回码设 429 可以吗", 429),
    # --- fresh_mixed_52 and chatter_boundary_7 ---
    ("阿里云 SLB 报 504，后端自己访问是正常的", 504),
    # The name of an error asked for ("拿到的是什么错误"), not a status: the cards as documents.
    ("服务重启时新进程 bind 8080 端口失败，旧进程还在 LISTEN，新进程拿到的是什么错误", "EADDRINUSE"),
    # Read without what it is said not to be ("并不是域名不存在").
    ("容器里的 Node 服务解析内部域名偶尔失败，隔几秒又好了，并不是域名不存在，Node 报的是哪种错误", "EAI_AGAIN"),
]


def test_help_words_in_a_cause_told_or_a_question_retold_ask_nothing():
    from bot.core import domain

    assert not domain.asks_for_help("408 的原因是 slb 的空闲超时比后端短")
    assert not domain.asks_for_help("err_http2_protocol_error 原因:nginx 临时目录权限不对")
    assert domain.asks_for_help("econnreset 原因是什么")
    assert domain.asks_for_help("408 的原因 slb 那边查了吗")
    assert not domain.asks_for_help("刚有人问 502 告警咋回事:是我在压测,忽略就好")
    assert domain.asks_for_help("502 告警咋回事")


def test_a_text_labelled_as_a_note_for_others_is_a_notice():
    from bot.core import domain

    for text in ("【通知】今晚 503 维护", "写给新人:epipe 就是…", "fyi: 502 已恢复", "给实习生讲了下:401 是没登录", "说下规范:鉴权失败返回 401"):
        assert domain.labelled_notice(text), text
    for text in ("fyi: 502 又来了?", "新人问 502 是啥", "规范里 409 该怎么用", "科普:econnreset 是什么意思", "总结:504 怎么排查"):
        assert not domain.labelled_notice(text), text


def test_a_pasted_line_then_what_it_was_tells_the_cause():
    from bot.core import domain

    # A one-character word before the name ("报"), a dash before what it was.
    assert domain.tells_cause("openssl 报 x509_v_err_self_signed_cert_in_chain 是公司 zscaler 中间人")
    assert domain.tells_cause("error: getaddrinfo enotfound api.x.com —— 是我 vpn 没连")
    assert domain.tells_cause("那个 exit 28(curle_operation_timedout)是防火墙把出站 443 封了")
    assert not domain.tells_cause("騰訊雲 cbs 回 invaliddisk.busy 是怎样".replace("騰訊雲", "腾讯云"))
    # A guessed cause asked about is a question.
    assert domain.asks_for_help("刚加的记录查不到,是 dns 缓存问题吗")
    assert domain.asks_for_help("这个 502 是因为上游超时吗")

    assert domain.tells_cause("curl: (28) operation timed out 是出口白名单没加")
    assert not domain.tells_cause("curl: (28) operation timed out 是什么原因")
    # One clause of ASCII: "… is invalid. idp 是 adfs" tells a setting, "ak 是刚建的" a fact.
    assert not domain.tells_cause("the saml assertion is invalid. idp 是 adfs")
    assert not domain.tells_cause("oss invalidaccesskeyid,ak 是刚建的")


def test_a_network_card_leads_a_close_status_guess_when_nothing_is_said_of_http(service):
    # fresh_mixed_52's row: both kinds read it only as whole cards, the status a point higher.
    told = (
        "两个服务之间维持着一条长连接，通信进行到一半时对端进程突然崩溃，它所在机器的内核向我们发了一个 RST 包。"
        "本端下一次调用 read 的时候系统调用直接失败返回，这是什么错误？"
    )
    assert _first(service.resolve(told)) == "ECONNRESET"
    # A request is HTTP's word: "…服务器拒绝解析" of a long query string stays 414.
    assert _first(service.resolve("GET 请求把一大堆筛选条件全拼在查询串里，地址长得离谱，服务器拒绝解析")) == 414


def test_a_pod_state_gets_no_guessed_status_unless_one_is_asked_for(service):
    assert service.resolve("k8s pod 一直 CrashLoopBackOff 怎么排查").matches == ()
    assert service.resolve("pod 一直 Pending，我看看是不是节点资源不够").matches == ()
    asked = "ingress 后面的 pod 全部 CrashLoopBackOff，endpoints 是空的，这种情况 ingress-nginx 返回什么状态码"
    assert _first(service.resolve(asked)) == 503


def test_an_english_verb_is_not_a_reason_phrase(service):
    assert all(m.status != 201 for m in service.resolve("the key does not exist, but I just created it").matches)


SESSION_19_REMARKS = [
    # Advice for next time, written down, a plan, a story recalled, who wrote it, a cause found.
    "以后大家遇到 502 先看 upstream 日志",
    "以后大家遇到 ERR_CERT_DATE_INVALID 先看下系统时间",
    "502 的排查步骤我写进 wiki 了",
    "计划下周把所有 502 告警接到飞书",
    "gRPC 那段 UNAVAILABLE 自动重试的代码是谁写的？写得真漂亮",
    "谁写的接口，一直返回 500",
    "查了半天，结果是安全组没开 443，ECONNREFUSED 就是这么来的",
]

SESSION_19_QUESTIONS = [
    # The same openings, asking; a plan asked about is asked of the code it names.
    ("准备加重试，503 重试几次合适", 503),
    ("准备写个重试，遇到 502 要不要重试", 502),
    ("计划把 500 都改成 503，有啥坑", 500),
    ("打算把鉴权失败统一成 401，合不合适", 401),
    ("以后遇到 502 应该先查哪里", 502),
    ("下次遇到 ECONNRESET 怎么排查", "ECONNRESET"),
    ("准备给接口加限流，超了返回 429 还是 503", 429),
    ("ECONNRESET 写进文档了，但是还是不太懂", "ECONNRESET"),
    ("谁写的网关，504 怎么排查", 504),
    ("谁写的代码报 ECONNRESET 了，帮忙看看", "ECONNRESET"),
    # Who changed it, asked because something of one's own is out of reach now.
    ("mysql 突然连不上了，一直报 EHOSTUNREACH，安全组规则是谁改的？", "EHOSTUNREACH"),
    # Or fails on and on since someone stopped it, or fails again since someone changed it.
    ("谁把预发的 redis 停了？服务一直 ECONNREFUSED 10.0.0.8:6379 😤", "ECONNREFUSED"),
    ("上线后又报 ECONNRESET 了，网关超时配置是谁改的", "ECONNRESET"),
    # Or does not know who changed a setting of one's own, beside the error it gives now.
    ("华为云 OBS 下载文件返回拒绝访问，桶策略都不知道是谁改的", "AccessDenied"),
    # "结果是" and what came out, not what was wrong.
    ("我 telnet 了一下，结果是 connection refused", "ECONNREFUSED"),
    ("换了个网络试，结果是 ERR_NAME_NOT_RESOLVED", "ERR_NAME_NOT_RESOLVED"),
    # A setting's new value is no status; trouble after a change is still trouble.
    ("proxy_read_timeout 改成 300 之后就开始报 502", 502),
    ("keepalive_timeout 设成 75 以后偶尔 502", 502),
    ("阿里云 ECS 我把带宽设成 0 以后就报 InvalidInternetChargeType.ValueNotSupported", "InvalidInternetChargeType.ValueNotSupported"),
    # A full disk or the inotify watch limit.
    ("2024/05/01 10:00:00 [crit] 123#0: *45 pwrite() failed (28: No space left on device)", "ENOSPC"),
    # 返回 typed in pinyin before the code, a particle or more pinyin after it.
    ("wo de jie kou fan hui 502 le", 502),
    # A browser's block is no evidence for one CORS card: the commonest case.
    ("跨域请求被浏览器拦截了", "CORS_MISSING_ALLOW_ORIGIN"),
    # A setting's name holds no pasted wording; a close frame's code; Chrome's own name.
    ("nginx 反代的后端 Full GC 卡住，等到 proxy_read_timeout 到点后给用户返回了错误页，对应哪个状态", 504),
    ("内网系统的证书是自己用 openssl 签的，Chrome 打开时拦了下来，说证书颁发机构不受信任", "ERR_CERT_AUTHORITY_INVALID"),
    # A vendor's English message retold in a longer sentence.
    ("Aliyun keeps telling me the Access Key ID does not exist even though I made it an hour ago", "InvalidAccessKeyId.NotFound"),
]


@pytest.mark.parametrize("text", [*SESSION_16_REMARKS, *SESSION_17_REMARKS, *SESSION_18_REMARKS, *SESSION_19_REMARKS])
def test_remarks_naming_an_error_are_not_answered(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "first"), [*SESSION_16_QUESTIONS, *SESSION_17_QUESTIONS, *SESSION_18_QUESTIONS, *SESSION_19_QUESTIONS]
)
def test_questions_beside_those_remarks_are_answered(service, text, first):
    assert _first(service.resolve(text)) == first


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("跨域预检 OPTIONS 请求返回 405 怎么办", ["405", "CORS_PREFLIGHT_FAILED"]),
        ("前端 OPTIONS 预检返回 401 导致跨域失败，后端该怎么放行？", ["401", "CORS_PREFLIGHT_FAILED"]),
        # A redirect reports no failure: the redirected preflight leads.
        ("OPTIONS 预检请求被网关 302 到登录页了，跨域挂了", ["CORS_REDIRECT_NOT_ALLOWED", "302"]),
        ("预检返回 204 是正常的吗", ["204"]),
    ],
)
def test_a_typed_status_keeps_the_lead_with_the_cors_failure_beside_it(service, text, keys):
    assert [m.key for m in service.resolve(text).matches] == keys


def test_a_close_frames_code_asked_for_is_a_websocket_code_not_a_status(service):
    # Which close code is the description's is up to the cards as documents; that it is one is not.
    text = "WebSocket 服务端收到一个超大的文本帧，主动关闭了连接，关闭帧里应该带哪个原因码"
    top = service.resolve(text).matches[0]
    assert top.kind == "network" and top.answer.family == "websocket"


def test_a_success_status_gives_way_to_the_cors_block_the_text_tells(service):
    text = "fetch 调 b.com 的接口，接口本身返回了 200，但响应里没有允许 a.com 的头，浏览器拒绝把结果交给 JS"
    matches = service.resolve(text).matches
    assert matches[0].kind == "network" and matches[0].answer.family == "cors"
    assert matches[1].key == "200"


SESSION_20_REMARKS = [
    # A change told as the last words, work done or handed to the user, venting, a life joke.
    "那个 x509 报错，内网 CA 已经打进镜像了",
    "又 504 了，真服了",
    "我家狗把网线咬断了，全家 ERR_INTERNET_DISCONNECTED",
    "we received 404 applications this year",  # a count, not a status
    "getting 500 users a day now",
    "维护期间大家别发版哈",  # maintenance told, nothing asked
    "他住 403，这局怎么破",  # a room and a game
]

SESSION_20_QUESTIONS = [
    # The same, asking or telling that it did not help.
    ("ws 改成分片发了还是 1009，咋办", "1009"),
    ("我让他换了网络，还是 ERR_CONNECTION_RESET，怎么办", "ERR_CONNECTION_RESET"),
    ("真服了，又 502 了，怎么办", 502),
    ("客户问为什么总是网关超时，我该怎么跟他解释", 504),
    # An adverb inside the phrase; a request to explain; the preflight itself.
    ("接口老是超时", 504),
    ("接口经常超时怎么办", 504),
    ("解释下跨域", "CORS_MISSING_ALLOW_ORIGIN"),
    ("讲讲 ECONNRESET", "ECONNRESET"),
    ("预检请求是干嘛的", "CORS_PREFLIGHT_FAILED"),
    ("CORS 预检", "CORS_PREFLIGHT_FAILED"),
    # English verbs before a status; fetch's message quoted without its type.
    ("upload fails with 413", 413),
    ("keep getting 502 from nginx", 502),
    ("the API throws 401 after login", 401),
    ("failed to fetch", "ERR_FAILED"),
    # A failed handshake; gRPC's deadline in its own word.
    ("websocket 连不上", "1006"),
    ("grpc 调用超过 deadline 返回什么码", "DEADLINE_EXCEEDED"),
    # Everyday names for maintenance, degradation and a wrong password; "again and again", "how to get past it".
    ("维护期间返回什么状态码", 503),
    ("服务降级时返回什么状态码", 503),
    ("登录失败密码错误应该返回什么状态码", 401),
    ("又双叒叕 502 了", 502),
    ("这个 403 怎么破", 403),
    # Failures that three blind sets in a row told in their own words (fresh_mixed_53, 55, 56; the
    # rows themselves are not here): a 200 the browser would not hand over, curl's --max-time run
    # out, Chrome's warning page retold without 您的 beside an expired certificate.
    ("接口其实返回了 200，可是 JS 拿不到响应，控制台说响应头里没有允许这个来源访问", "CORS_MISSING_ALLOW_ORIGIN"),
    ("curl 下载安装包加了 --max-time 20，时间到了还没下完就退出了，退出码是哪个", "CURLE_OPERATION_TIMEDOUT"),
    ("Edge 打开后台提示连接不是私密连接，一看证书有效期上周就过了，报的是哪个错误", "ERR_CERT_DATE_INVALID"),
]


@pytest.mark.parametrize(
    ("text", "alias"),
    [("websocket 连不上", "websocket连上了"), ("ws 没有收到关闭帧", "收到关闭帧"), ("接口不允许跨域", "接口允许跨域")],
)
def test_a_negation_more_or_fewer_is_no_typo(text, alias):
    # Edit distance calls "连不上" one character from "连上了"; it says the opposite.
    from bot.core.text import negated_apart

    assert negated_apart(text, alias) and not negated_apart("禁止方问", "禁止访问")


def test_a_status_asked_for_leads_a_named_alias_beside_it(service):
    text = "websocket 连不上，握手时 nginx 回了 400，正常握手成功应该返回哪个码"
    assert [m.key for m in service.resolve(text).matches][:2] == ["101", "1006"]


@pytest.mark.parametrize("text", SESSION_20_REMARKS)
def test_session_20_remarks_are_not_answered(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(("text", "first"), SESSION_20_QUESTIONS)
def test_session_20_questions_are_answered(service, text, first):
    assert _first(service.resolve(text)) == first


def test_steps_listed_as_tried_are_trouble_not_a_fix(service):
    text = "内网 CA 已经打进镜像了，update-ca-certificates 也跑了，还是 x509: certificate signed by unknown authority"
    top = service.resolve(text).matches[0]
    assert top.answer.name == "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY"


def test_help_with_telling_someone_is_withdrawn_when_only_guesses_were_found(service):
    assert service.resolve("老板问为什么接口不能秒回，我该怎么跟他解释网络延迟 😂").matches == ()


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("网站打不开了", "502"),
        ("页面老是打不开", "502"),
        ("我们的网站怎么打不开了", "502"),
        ("无法访问此网站", "502"),
        ("服务器挂了", "502"),
        ("服务崩了", "502"),
        ("接口调不通", "502"),
        ("登不上", "401"),
        ("请求经常被拒绝", "401"),
    ],
)
def test_a_bare_symptom_gets_the_cards_it_commonly_is_as_choices(service, text, first):
    # Word overlap read these as whichever card shared their words (508, 506, 102, 451, 425).
    matches = service.resolve(text).matches
    assert matches[0].key == first and {m.tier for m in matches} == {"symptom"}
    assert all(m.score < tuning.ANSWER for m in matches), "no one card is the answer"
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_a_symptom_offers_the_browser_and_socket_errors_after_the_statuses(service):
    keys = [m.key for m in service.resolve("网站打不开了").matches]
    assert keys[:3] == ["502", "503", "504"] and "ERR_CONNECTION_REFUSED" in keys[3:]
    keys = [m.key for m in service.resolve("接口调不通").matches]
    assert {"ECONNREFUSED", "ETIMEDOUT"} <= set(keys)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("网站打不开，报 502", 502),  # what was seen, told beside the symptom
        ("网站打不开 ERR_NAME_NOT_RESOLVED", "ERR_NAME_NOT_RESOLVED"),
        ("服务不可用", 503),  # a name, not a symptom
        ("登录失败", 401),
    ],
)
def test_a_symptom_with_a_name_beside_it_is_that_name(service, text, first):
    res = service.resolve(text)
    assert _first(res) == first and res.matches[0].tier != "symptom"


@pytest.mark.parametrize("text", ["VPN 又连不上了，烦死", "CI 又挂了，我重跑一下", "科目二挂了，下周再考", "网站打不开了，已经好了"])
def test_a_symptom_inside_a_remark_is_no_bare_symptom(service, text):
    assert all(m.tier != "symptom" for m in service.resolve(text).matches)


@pytest.mark.parametrize(
    ("text", "cards"),
    [
        # Word overlap answered these outright: 451 (its causes hold "git clone"), 429 ("docker pull").
        ("git clone 超时", {"504", "CURLE_OPERATION_TIMEDOUT", "ETIMEDOUT"}),
        ("docker pull 老是超时怎么办", {"504", "ETIMEDOUT", "SSL_HANDSHAKE_TIMEOUT"}),
        ("docker 拉镜像超时", {"ETIMEDOUT", "SSL_HANDSHAKE_TIMEOUT"}),
        ("pip install 超时了怎么办", {"CURLE_OPERATION_TIMEDOUT", "ETIMEDOUT"}),
        # 529, 401, 407 before: each shares a word with "ssl" or "证书".
        ("git clone 报 ssl 错误", {"CURLE_PEER_FAILED_VERIFICATION", "ERR_CERT_AUTHORITY_INVALID"}),
        ("pip install 报 ssl 错误", {"X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY"}),
        ("证书错误", {"ERR_CERT_DATE_INVALID", "ERR_CERT_AUTHORITY_INVALID"}),
        ("GitHub 打不开", {"502", "ERR_CONNECTION_TIMED_OUT"}),
    ],
)
def test_a_tool_and_a_symptom_get_the_symptoms_cards_as_choices(service, text, cards):
    matches = service.resolve(text).matches
    assert matches and {m.tier for m in matches} == {"symptom"}, [(m.key, m.tier) for m in matches]
    assert all(m.score < tuning.ANSWER for m in matches)
    assert cards <= {getattr(m.answer, "name", m.key) for m in matches}


@pytest.mark.parametrize("text", ["npm install 报错", "git clone 报错", "maven 一直报错", "docker 出问题了"])
def test_a_failure_that_names_nothing_is_answered_by_no_card(service, text):
    # 407 and 451 before: "npm" and "git clone" are in their causes. Nothing says which error.
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("docker pull 报 toomanyrequests", 429),
        ("git clone 返回 451", 451),
        ("npm install 报 ECONNRESET", "ECONNRESET"),
        ("curl 超时", "CURLE_OPERATION_TIMEDOUT"),
        ("请求超时", 408),
    ],
)
def test_a_tool_with_the_error_named_is_that_error(service, text, first):
    res = service.resolve(text)
    assert _first(res) == first and res.matches[0].tier != "symptom"


@pytest.mark.parametrize(
    ("text", "vague"),
    [("npm install 一直报错", True), ("docker 出问题了", True), ("<>pip 报错 &", True), ("今天天气不错", False)],
)
def test_a_vague_failure_is_asked_for_the_errors_own_text(service, text, vague):
    from bot.render import answer as dispatch
    from tests.html_check import html_problems

    res = service.resolve(text)
    reply = dispatch.not_found(service.kb, res)
    assert res.matches == () and html_problems(reply.html()) == []
    assert ("只说了出错" in reply.plain()) is vague
    assert "<>" not in reply.html()  # "<>pip 报错 &" echoed escaped, as every reply


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("chrome -102 是啥", "ERR_CONNECTION_REFUSED"),  # the browser named right before its number
        ("edge -105", "ERR_NAME_NOT_RESOLVED"),
        (
            "用 fetch 调 b.com 的接口，后端返回了 200，但 JS 拿不到响应，原因是响应里没有声明允许 a.com 这个来源访问，这是什么问题",
            "CORS_MISSING_ALLOW_ORIGIN",  # 200 alone before: a host name's dot cut the words short
        ),
    ],
)
def test_session_21_questions_are_answered(service, text, first):
    assert _first(service.resolve(text)) == first


def test_kill_dash_nine_is_no_chromium_number(service):
    assert _first(service.resolve("chrome -9")) == "ERR_UNEXPECTED"  # (the number itself is known)
    assert all("Chromium 错误号" not in m.why for m in service.resolve("chrome 卡死了 kill -9 都不行").matches)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # The rest of the longer message retold ("检查实例 ID"): that message, not the short one it opens with.
        ("阿里云 ECS 调 StopInstance 返回说指定的实例不存在，让我检查实例 ID", "InvalidInstanceId.NotFound"),
        ("阿里云 ECS 报指定的实例不存在，咋回事", "InvalidInstance.NotFound"),  # the short one, as quoted
    ],
)
def test_a_quoted_message_with_its_longer_version_retold_is_the_longer_one(service, text, first):
    assert service.resolve(text).matches[0].answer.error.error_code == first


@pytest.mark.parametrize(
    "text",
    [
        "grpc RESOURCE_EXHAUSTED: Received message larger than max (5242880 vs. 4194304)，已调大 MaxRecvMsgSize",
        "upstream prematurely closed connection while reading response header from upstream → 502，根因是 php-fpm 进程数不够，已扩容",
        "Cloudflare 520 的问题结束了，源站返回了空响应头",
        "tencent 的 LimitExceeded.CvmInstanceQuota 配额已经提上去了",
    ],
)
def test_session_21_remarks_telling_the_fix_or_the_cause_are_not_answered(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "first"),
    [("已扩容了但还是 503 怎么办", 503), ("配额已经提上去了，为啥还是报 QuotaExceeded", "QuotaExceeded"), ("502 的根因是什么", 502)],
)
def test_the_same_words_with_the_trouble_still_there_are_asked(service, text, first):
    assert _first(service.resolve(text)) == first


@pytest.mark.parametrize("text", ["数据库连不上", "mysql 连不上", "ssh 连不上", "pg 连不上"])
def test_a_service_that_cannot_be_reached_gets_the_socket_errors_first(service, text):
    # 500 and 502 outright before ("数据库" and "连不上" are in their causes).
    matches = service.resolve(text).matches
    assert {m.tier for m in matches} == {"symptom"} and matches[0].answer.name == "ECONNREFUSED"


@pytest.mark.parametrize("text", ["浏览器报错", "控制台报错", "nginx 报错"])
def test_where_an_error_was_seen_is_not_which_error(service, text):
    assert service.resolve(text).matches == ()  # 505 outright before, for 浏览器报错


def test_a_websocket_that_drops_is_1006(service):
    assert _first(service.resolve("websocket 断开了")) == "1006"  # 101 before


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("host not found", "ENOTFOUND"),  # 404 before (its name is inside)
        ("dns lookup failed", "ENOTFOUND"),
        ("status code 0", "ERR_FAILED"),  # 460 before, a typo of nothing
        ("ERR_NETWORK", "ERR_FAILED"),  # axios's code for the same failure
        # " resolved" read as a fix told: nothing at all before.
        ("2024/01/01 [error] 123#0: *1 backend.internal could not be resolved (3: Host not found)", "ENOTFOUND"),
    ],
)
def test_english_lines_of_a_failed_lookup_or_request(service, text, first):
    assert _first(service.resolve(text)) == first


def test_a_fix_told_in_english_is_still_settled(service):
    assert service.resolve("the ENOTFOUND issue has been resolved").matches == ()


@pytest.mark.parametrize("text", ["为什么浏览器先发 OPTIONS", "options 请求是什么"])
def test_the_extra_options_request_is_the_preflight(service, text):
    assert _first(service.resolve(text)) == "CORS_PREFLIGHT_FAILED"  # 103 before


def test_a_class_ruled_out_is_not_a_class_asked_for(service):
    # "既不是 2xx 也不是 5xx": the 2xx listing before, every other word unread.
    text = "nginx access.log 里很多请求的状态码既不是 2xx 也不是 5xx，是用户没等返回就关了页面，连接被客户端断开"
    res = service.resolve(text)
    assert res.mode == "text" and _first(res) == 499
    assert service.resolve("5xx 有哪些").mode == "class"


@pytest.mark.parametrize(
    "text",
    ["怀疑被 DNS 污染了，怎么确认", "本地 DNS 解析出来的 ip 不对，换 DoH 就正常，是不是运营商劫持", "dns 被劫持了怎么办"],
)
def test_a_forged_dns_answer_has_its_own_card(service, text):
    assert _first(service.resolve(text)) == "DNS_POISONING"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("OSS 下载文件返回404，说这个 bucket 里没有我要的那个 object", "NoSuchKey"),  # NoSuchBucket before
        ("oss 里没有这个 bucket", "NoSuchBucket"),  # the bucket itself is what is missing
    ],
)
def test_where_a_missing_thing_was_looked_for_is_not_what_is_missing(service, text, first):
    assert service.resolve(text).matches[0].answer.error.error_code == first


@pytest.mark.parametrize(
    "text",
    [
        "转发一则公告：公司内网将于本周六晚进行例行维护，期间邮件系统不可用。",
        "谁把 staging 的 redis 停了？？现在全是 connection refused",
        "curl: (6) Could not resolve host: api.internal.xxx.com —— 已经查到了，是 /etc/resolv.conf 被改了",
    ],
)
def test_a_forwarded_notice_a_who_did_it_and_a_cause_found_ask_nothing(service, text):
    assert service.resolve(text).matches == ()


def test_who_did_it_with_a_question_about_the_error_is_still_asked(service):
    assert _first(service.resolve("谁把 nginx 配置改了，现在全是 502，咋回事")) == 502


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("签名不匹配", "signature"),  # 421 Misdirected Request before, from shared characters
        ("signature does not match", "signature"),  # nothing before
        ("signature error", "signature"),  # 410 Gone before (a typo of "gone"?)
        ("时间戳过期", "signature"),
        ("实例状态不对，不能停止", "incorrect_status"),
        ("指定内网 ip 开机，说这个 ip 已经被用了", "in_use"),
        ("导入公钥提示公钥已存在", "already_exists"),
    ],
)
def test_plain_words_for_a_kind_of_cloud_error_get_the_familys_card(service, text, family):
    top, *rest = service.resolve(text).matches
    assert top.kind == "error" and top.key == f"family:{family}"
    assert top.answer.error is None and top.answer.members  # each cloud's codes for it
    # Beside it, no loose reading of another kind (421 from 匹配 for "签名不匹配").
    assert all(m.kind == "error" or m.tier not in ("words", "fuzzy", "document", "topic") for m in rest)


def test_the_familys_card_lists_each_clouds_codes(service):
    reply = service.answer(service.resolve("签名不匹配怎么回事"))
    html = reply.html()
    assert "各家的错误码" in html
    assert "SignatureDoesNotMatch" in html and "AuthFailure.SignatureFailure" in html  # Aliyun/Huawei, Tencent
    assert "阿里云" in html and "华为云" in html and "腾讯云" in html
    data = service.resolve("签名不匹配怎么回事").matches[0].to_json()
    assert data["family"] == "signature" and data["error_code"] == ""
    assert "aliyun:SignatureDoesNotMatch" in data["members"]


def test_family_words_after_a_denial_are_not_read(service):
    assert all(m.tier != "phrase" for m in service.resolve("不是签名不匹配，是别的问题").matches)


@pytest.mark.parametrize("text", ["欠费了", "规格售罄", "触发流控了", "account in arrears"])
def test_a_few_words_naming_a_cloud_error_are_looked_up(service, text):
    # Withdrawn before as group talk by the chatter model (p 0.65-0.97): typed alone to the bot,
    # a few words naming what went wrong are a lookup, as a typed code is.
    top = service.resolve(text).matches[0]
    assert top.kind == "error"


def test_a_shrug_at_trouble_still_being_narrowed_down_is_asked(service):
    # "我服了" reads as a shrug; "postman 调正常" says the asker is still narrowing it down.
    text = "我服了 postman 调正常，浏览器里 fetch 就失败，network 里那条请求是红的，写着 net::ERR_BLOCKED_BY_CLIENT"
    assert _first(service.resolve(text)) == "ERR_BLOCKED_BY_CLIENT"
    assert service.resolve("又是 ECONNRESET 哈哈哈，习惯了").matches == ()  # a shrug alone still asks nothing


def test_family_words_a_seventh_of_a_text_still_name_it(service):
    # 4 characters of 27: at the old 15% floor the family was not read.
    top = service.resolve("调接口一直报签名错误，ak sk 都是从控制台直接复制的，没改过啊").matches[0]
    assert top.key == "family:signature"


def test_a_row_of_the_family_the_words_name_leads_loose_status_readings(service):
    # "invalid access key": 401 and 403 by shared words led the InvalidAccessKeyId rows read by meaning.
    top = service.resolve("invalid access key").matches[0]
    assert top.kind == "error" and top.answer.error.error_code.startswith("InvalidAccessKeyId")


def test_family_words_lead_a_status_that_is_only_a_guess(service):
    top = service.resolve("签名不匹配怎么回事？本地算出来的签名跟服务端的对不上，key 我复制了好几遍").matches[0]
    assert top.key == "family:signature"  # 412 by shared words before


# Session 22: cloud errors asked in plain words, S3's English, and a few first answers put right.
SESSION_22 = [
    # A cloud named or implied is read by its rows, not the family its words name.
    ("OSS 上传报签名不匹配", "SignatureDoesNotMatch"),
    ("bucket 不存在", "NoSuchBucket"),  # a bucket is object storage's: 404 before
    # Family words in a description that asks for a status, or beside a status alias, leave it first.
    ("开放平台规定每个 AppKey 每分钟最多调用 100 次，某个客户一分钟内打了 600 次，超出配额的那部分调用全部被拒绝，应该返回哪个状态？", 429),
    ("有个 SaaS 接口在我们套餐欠费之后开始返回一个 4 开头的码，规范里这个码原本是留给数字支付场景的，是哪个？", 402),
    ("子账号没有权限", 403),
    # #11's own example: 欠费 asked with its error code is the cloud's, 402 a guess beside it.
    ("欠费了接口都调不通，返回的是什么错误码啊", "Account.Arrearage"),
    ("腾讯云开 CVM 提示账户余额不足，可我充了钱啊", "InvalidAccount.InsufficientBalance"),  # 可我: did not help
    # OSS and OBS document these codes in Chinese only but answer in S3's English.
    ("The specified bucket does not exist.", "NoSuchBucket"),
    ("Your proposed upload is smaller than the minimum allowed size", "EntityTooSmall"),
    ("The Content-MD5 you specified did not match what we received.", "BadDigest"),
    ("The difference between the request time and the current time is too large.", "RequestTimeTooSkewed"),
    ("com.aliyun.oss.OSSException: The specified key does not exist. [RequestId]: 65A1B2C3D4", "NoSuchKey"),
    # RAM and ECS name a product: its look-alike messages were lifted by it, the verbatim one was not.
    ("User not authorized to operate on the specified resource, or this API doesn't support RAM.", "Forbidden.RAM"),
    ("Insufficient ECS quota. Contact customer service to increase quota.", "Ecs.0001"),
    # Cloud talk with no cloud named, read by meaning.
    ("重试的时候报签名随机数已经被使用过，这是啥意思", "SignatureNonceUsed"),  # a nonce is API signing talk
    ("包年包月的机器到期了没续费，现在做啥操作都报错", "InstanceExpiredOrInArrears"),
    ("同一个 ClientToken 重试但改了参数，接口说幂等参数不一致", "IdempotenceParamNotMatch"),
    ("挂盘的时候说这块盘已经挂在另一台机器上了", "ResourceUnavailable.Attached"),  # a disk attached
    ("挂第 17 块数据盘的时候报错了，是有上限吗", "LimitExceeded.InstanceAttachedDisk"),
    ("docker 挂载目录没权限", 403),  # a volume mounted in docker is no cloud disk
    # English "load balancer" named Aliyun's SLB, and its ServiceUnavailable row was lifted above 503.
    ("Our load balancer returns Service Unavailable during every deployment, how do we avoid that?", 503),
    ("SSL_ERROR_SYSCALL", "CURLE_SSL_CONNECT_ERROR"),  # 529 from shared letters before
    ("git clone 报 SSL_ERROR_SYSCALL", "CURLE_SSL_CONNECT_ERROR"),
    ("文件不存在", 404),  # 412 ("不存在才创建" in its texts) before
    ("下载的时候提示文件不存在，路径我核对了好几次", 404),
]


@pytest.mark.parametrize(("text", "first"), SESSION_22)
def test_questions_from_session_22(service, text, first):
    assert _first(service.resolve(text)) == first


# Session 23: remarks that name trouble but ask nothing of the bot, beside look-alikes that do ask.
@pytest.mark.parametrize(
    "text",
    [
        "老板问为啥服务挂了，我该怎么编",  # an excuse to make up: 502 offered before
        "write EPIPE 那条告警可以忽略，是客户端提前断开我们还在写，正常",  # the verdict told last
        "华为云 APIG.0201 504 后端超时，后端接口处理太慢，已改异步",  # the step told done
        "腾讯云 LimitExceeded.InstanceQuota，按量实例配额到上限，已申请提额",
        "华为云 Ecs.0018 Flavor 已售罄，换了 c7 规格创建成功",
    ],
)
def test_session_23_remarks_get_nothing(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("老板问 502 怎么回事，我该怎么编", 502),  # the code typed is still looked up
        ("write EPIPE 是什么意思", "EPIPE"),
        ("线上一直报 write EPIPE，正常吗", "EPIPE"),  # asked, not told
        ("已申请提额了，可还是报 LimitExceeded.InstanceQuota", "LimitExceeded.InstanceQuota"),  # persists
        ("httpstatus 201 crated 是创建成功么", 201),  # 么 asks as 吗 does
    ],
)
def test_session_23_look_alikes_are_answered(service, text, first):
    assert _first(service.resolve(text)) == first


# Session 23: plain words of one cloud resource's trouble make cloud talk in pairs or threes of
# concepts (a machine locked for security, a disk resized, a certificate uploaded), and English
# reason phrases that are everyday verbs ("still processing", "I just created it") are no status
# inside a cloud's sentence.
SESSION_23 = [
    ("释放机器的时候报错，说开了删除保护", "InvalidOperation.DeletionProtection"),
    ("创建加密云盘，提示我还没开通密钥管理服务", "InvalidParameter.Encrypted.KmsNotEnabled"),
    ("新注册的号第一次买机器，提示操作被风控系统拦截了", "Forbidden.RiskControl"),
    ("账户里没绑付款方式，开按量机器被拒了", "Ecs.0069"),
    ("往一个普通文件上做追加写，提示这个对象不能追加", "ObjectNotAppendable"),
    ("上传时带了Content-MD5头，服务端说算出来的MD5跟我给的不一致", "InvalidDigest"),
    ("创建实例传了 UserData，报错说必须先做 Base64 编码", "InvalidUserData.Base64FormatInvalid"),
    ("The previous idempotent request(s) is still processing.", "IdempotentProcessing"),
    ('The input parameter "RegionId" that is mandatory for processing this request is not supplied.', "MissingParameter"),
    (
        'Getting "The specified operation is denied as your instance is locked for security reasons." when I try to stop the VM',
        "InstanceLockedForSecurity",
    ),
    ("SDK throws invalid access key on every call, the key was created 5 min ago", "InvalidAccessKeyId"),
    # The same words where HTTP is talked of, or a server that is any server's, stay statuses.
    ("what does processing mean in http", 102),
    ("what status is created", 201),
    ("WebDAV 中某个文件正被另一个客户端锁住编辑，这时你试图修改或删除它，服务器拒绝了操作。", 423),
    ("服务器要求输入密码才能访问这个页面", 401),
    ("服务器停机维护的时候应该返回什么状态码", 503),
    ("请求头里的时间跟服务器差太多了", "RequestTimeTooSkewed"),
    # A CORS word beside a request blocked is the browser's block (401's words before), and
    # so is the same typed by its sound; so are other names heard in a short text.
    ("跨域请求被拦截了", "CORS_MISSING_ALLOW_ORIGIN"),
    ("跨玉请求被拦截了", "CORS_MISSING_ALLOW_ORIGIN"),
    ("证书过七了", "X509_V_ERR_CERT_HAS_EXPIRED"),
    ("重定向次数太多", "ERR_TOO_MANY_REDIRECTS"),  # 414's words before
    # "timed out" reports trouble in English: guesses, not silence.
    ("request timed out after 30 seconds", 504),
    # A short English wording with a slip and its technology named last, or first.
    ("deadline exeeded grpc", "DEADLINE_EXCEEDED"),
    ("grpc deadline exeeded", "DEADLINE_EXCEEDED"),
    # A network name typed whole in pinyin, asking nothing else, is looked up as a status's is.
    ("lian jie bei ju jue", "ECONNREFUSED"),
    ("chong ding xiang tai duo ci le", "ERR_TOO_MANY_REDIRECTS"),  # with 了 after it
    ("fu wu bu ke yong", 503),
]


def test_a_payment_service_named_is_no_bill_unpaid(service):
    res = service.resolve("connection reset by peer when calling the payment service")
    assert [m.key for m in res.matches] == ["ECONNRESET"]  # Account.Arrearage beside it before


@pytest.mark.parametrize(
    ("text", "family"),
    [("签名不批配", "signature"), ("帐户欠废了", "arrearage"), ("配额不组怎么办", "quota_exceeded")],
)
def test_family_phrases_typed_by_their_sound(service, text, family):
    top = service.resolve(text).matches[0]
    assert top.key == f"family:{family}"
    assert "按读音" in top.why


@pytest.mark.parametrize("text", ["不是签名不批配，是别的", "我的钱飞了"])
def test_family_phrases_heard_not_where_denied_or_too_short(service, text):
    assert not any(m.key.startswith("family:") for m in service.resolve(text).matches)


@pytest.mark.parametrize(("text", "first"), SESSION_23)
def test_questions_from_session_23(service, text, first):
    assert _first(service.resolve(text)) == first


def test_a_said_clause_keeps_the_storys_cloud_words(service):
    # "AK 和 SK" make the story cloud talk; the clause the cloud said is read with that context.
    text = "调接口一直报签名不对，说我算出来的签名和服务端算的对不上，AK和SK都是刚从控制台复制的"
    codes = [m.answer.error_code for m in service.resolve(text).matches if m.kind == "error"]
    assert "SignatureDoesNotMatch" in codes


@pytest.mark.parametrize(
    ("text", "asked"),
    [("这样可以么", True), ("是创建成功么。", True), ("就这么定了", False), ("先这么", False), ("要么 301 要么 308", False)],
)
def test_ma_at_the_end_asks(text, asked):
    from bot.core import domain

    assert domain.asks(text) is asked


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # The thing said to be missing counts more than where and how it was looked for.
        # (Tencent documents two codes for a missing instance; since its VPC table came in (session
        # 40) the classic InvalidInstanceId.NotFound leads, as every blind writer names it.)
        ("腾讯云 CVM 调 StopInstances 说实例不存在，ID 是对的，地域填的广州", "InvalidInstanceId.NotFound"),
        ("阿里云 ECS 创建安全组时传了 VpcId，结果报指定的 VPC 不存在", "InvalidVpcId.NotFound"),
        ("阿里云安全组规则里引用的前缀列表不存在", "InvalidPrefixListId.NotFound"),
        # Where it was looked for is not what went missing.
        ("调阿里云 OSS 下载文件，报错说要取的那个 object 在 bucket 里不存在", "NoSuchKey"),
    ],
)
def test_what_went_missing_leads(service, text, first):
    assert _first(service.resolve(text)) == first


SESSION_24 = [
    # A gRPC (or plain RPC) call told of: its own status, not the HTTP one it maps to.
    ("gRPC 客户端调用时 metadata 里没放 token，服务端拦截器判定缺少有效身份凭据，把调用拒了", "UNAUTHENTICATED"),
    (
        "微服务之间用 RPC 调用，客户端给调用设了 500 毫秒的上限，服务端处理要 2 秒左右，时间一到客户端就放弃等待，直接返回失败",
        "DEADLINE_EXCEEDED",
    ),
    # A success told beside the trouble is what worked (200 before); the header named missing.
    (
        "本地页面调别的域名的接口，Network 里看其实已经成功返回了，JS 却拿不到，控制台说缺少允许这个来源访问的头",
        "CORS_MISSING_ALLOW_ORIGIN",
    ),
    ("前端说 Access-Control-Allow-Origin 缺失要后端加，到底该谁来改", "CORS_MISSING_ALLOW_ORIGIN"),
    # Two codes offered ("401 还是 403") are compared; neither is the one in use (403 alone before).
    ("登录接口现在返回 401 还是 403，token 过期的时候该用哪个", 401),
    ('psql: error: connection to server at "172.16.0.8", port 5432 failed: timeout expired', "ETIMEDOUT"),
    # The thing before where it was looked for is what went missing.
    ("阿里云 DescribeInstanceAttribute 报错，说这台实例在记录里根本找不到", "InvalidInstanceId.NotFound"),
    # The clause the cloud said is read with the story's things: 机型 is the instance type.
    ("😤 腾讯云买 CVM 一直提示库存不足，北京七区这个机型是卖完了吗？错误码叫啥来着", "ResourceInsufficient.SpecifiedInstanceType"),
    ("Which code means the server gave up waiting for the client to finish sending?", 408),
]


@pytest.mark.parametrize(("text", "first"), SESSION_24)
def test_questions_from_session_24(service, text, first):
    assert _first(service.resolve(text)) == first


def test_what_the_error_message_said_is_read(service, monkeypatch):
    # Apart from the model (fixed at "a question"; since session 26's retrain it takes this line,
    # which ends "重试又好了", for a remark): what the error message said, quoted, is read, not
    # error messages as a subject of discussion.
    monkeypatch.setattr(type(service.kb.chatter), "probability", lambda self, folded: 0.0)
    text = "排查了半天，错误信息说只是临时性的解析失败，DNS 服务器暂时没给答复，隔几秒重试又好了"
    assert _first(service.resolve(text)) == "EAI_AGAIN"


@pytest.mark.parametrize(
    "text",
    [
        "nginx 里 gzip 压缩怎么开",  # how to set something up, no trouble: no guesses (415 before)
        "Honestly our API errors are a mess, we should adopt problem+json next quarter",  # a plan (422 before)
    ],
)
def test_how_tos_and_plans_get_no_guesses(service, text):
    assert service.resolve(text).matches == ()


SESSION_24_NETWORK = [
    # "port 443" is a port, not the HTTP status curl --fail met (CURLE_HTTP_RETURNED_ERROR led before).
    (
        "[09:12:33] cron: curl -fsS https://api.example.org/ping -> curl: (28) Failed to connect to api.example.org port 443 after 5002 ms: Timeout was reached",
        "CURLE_OPERATION_TIMEDOUT",
    ),
    # Go's resolver timing out is DNS's timeout, not the connection's "i/o timeout".
    ("CI 里 go build 拉依赖报 dial tcp: lookup proxy.golang.org: i/o timeout，是不是 DNS 的锅", "ETIMEOUT"),
    # A program named earlier in the story, its own error code asked for (421 before).
    (
        "写脚本时域名少打了一个字母，Node 的 https.get 回调里直接报错说找不到这个主机，抓包连 TCP 握手都没有，这是哪个错误码？",
        "ENOTFOUND",
    ),
    ("gRPC 调用的时候后端所有实例都下线了，一个连接都建不起来，客户端返回的是哪个状态码？", "UNAVAILABLE"),
    # A redirect loop behind the page title Chrome shows for many faults.
    ("A 站跳到 B 站，B 站又跳回 A 站，来回跳了很多次，Chrome 最后显示该网页无法正常运作，这是哪个错误？", "ERR_TOO_MANY_REDIRECTS"),
    # The range asked for and sent back is 206, not the range error (416 before).
    ("请求头带了 Range: bytes=0-499，只想要文件开头的 500 字节，服务端也只回了这一段，响应码是多少？", 206),
]


@pytest.mark.parametrize(("text", "first"), SESSION_24_NETWORK)
def test_network_questions_from_session_24(service, text, first):
    assert _first(service.resolve(text)) == first


@pytest.mark.parametrize(
    "text",
    [
        "EMFILE: too many open files，ulimit -n 调大之后没再报",  # the paste, then its fix
        "Cloudflare 522 是源站防火墙把回源 IP 段拦了，放行后恢复",  # a typed code's cause told, and settled
    ],
)
def test_post_mortems_of_session_24_are_remarks(service, text):
    res = service.resolve(text)
    assert res.matches == ()
    assert res.withdrawn  # read, and withdrawn as a remark: not unread


def test_a_typed_codes_cause_told_needs_only_a_lean_of_the_model(service, monkeypatch):
    # The rule, apart from what today's model makes of the words: a typed code whose cause is
    # told is withdrawn once the model leans to talk (0.5), not only when it is all but sure (0.97).
    monkeypatch.setattr(type(service.kb.chatter), "probability", lambda self, folded: 0.6)
    assert service.resolve("那个 404 是 location 少写了个斜杠，proxy_pass 拼出来的路径就错了").matches == ()
    assert service.resolve("线上一直报 404，location 明明配了斜杠").matches  # trouble, no cause told


@pytest.mark.parametrize(
    "text",
    ["EMFILE too many open files，ulimit 调到 65535 还出现", "ERR_SSL_PROTOCOL_ERROR 端口是 443 没写错啊"],
)
def test_trouble_still_there_is_no_post_mortem(service, text):
    assert service.resolve(text).matches  # still there, or a cause denied: answered


SESSION_24_WORDING = [
    # A settling word inside the fault's own story ("errno 设成了…", "双方都没有发过关闭帧",
    # "比预期的要少") settles nothing: these got no answer at all before.
    ("进程往对端已经关掉的 socket 里写数据，SIGPIPE 被我们忽略了，于是 write 返回失败，errno 设成了对应的值", "EPIPE"),
    (
        "浏览器和服务端之间的 WebSocket 长连接，被中间的 LB 空闲超时切断了，onclose 拿到的关闭码表示异常断开，双方都没有发过关闭帧",
        "1006",
    ),
    ("curl 下载文件，响应头说 Content-Length 是 20MB，传到一半连接断了，curl 退出时说收到的比预期的要少", "CURLE_PARTIAL_FILE"),
    ("500是撒意思", 500),  # 啥 typed by its sound
    ("接口返回伍零贰是什么情况", 502),  # a code in the capital digits
    ("curl 三十五 是什么错", "CURLE_SSL_CONNECT_ERROR"),  # curl's exit code in Chinese tens
]


@pytest.mark.parametrize(("text", "first"), SESSION_24_WORDING)
def test_wordings_from_session_24(service, text, first):
    assert _first(service.resolve(text)) == first


def test_money_put_in_is_no_status(service):
    res = service.resolve("腾讯云 CVM 创建实例报账户余额不足，可我刚充了 200")
    assert _first(res) == "InvalidAccount.InsufficientBalance"
    assert all(m.status != 200 for m in res.matches if m.kind == "status")  # 200 read as a code before


@pytest.mark.parametrize("text", ["curl 一把梭", "curl 一个 API 忘了加 token"])
def test_a_lone_chinese_digit_after_curl_is_a_count(service, text):
    assert not any(m.key.startswith("CURLE_") for m in service.resolve(text).matches)


def test_a_pasted_error_then_the_trouble_gone_is_a_remark_a_step_taken_is_not(service, monkeypatch):
    # Apart from the model (fixed at "a question"): a paste followed by the trouble told gone is
    # withdrawn; followed only by a step taken, the trouble may be there still.
    monkeypatch.setattr(type(service.kb.chatter), "probability", lambda self, folded: 0.0)
    assert service.resolve("curl: (28) Operation timed out after 5001 ms，安全组放行之后就没再报").matches == ()
    assert service.resolve("curl: (28) Operation timed out after 5001 ms，安全组已经放行了").matches


SESSION_25 = [
    # A certificate let lapse ("忘了续费") is an expired one, behind Chrome's warning page.
    ("公司官网的证书买的是一年的，去年谁也没记得续费，现在 Chrome 打开提示您的连接不是私密连接，具体是啥错误", "ERR_CERT_DATE_INVALID"),
    # A Range request answered with a part: 206, not the plain success 200 ("成功返回").
    ("下载到一半断网了，重连后浏览器带着 Range 头只请求剩下的部分，服务器成功返回了这一段，状态码是多少", 206),
    # curl's exit code asked for: curl's name for the fault, not Chrome's (ERR_EMPTY_RESPONSE before).
    (
        "拿 curl 请求一个接口，TCP 连接建立成功，但服务器一个字节都没回就把连接关了，curl 报错退出。这种情况 curl 的退出码是哪个？",
        "CURLE_GOT_NOTHING",
    ),
    # The untrusted certificate told self-signed: a self-signed card leads (the issuer's before).
    ("证书不受信任，我们内网的服务用的 self-signed 证书", "X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT"),
    # Another party's word that a fix is in is a claim, the trouble still told (nothing before).
    ("前端一直报 blocked by CORS policy，后端说她响应头已经加过了", "CORS_MISSING_ALLOW_ORIGIN"),
    # The name behind Chrome's warning page, told: the certificate is for another host.
    (
        "证书签的是 a.example.com，用户打开的是 b.example.com，Chrome 提示您的连接不是私密连接，说证书和域名不匹配，是哪个错误",
        "ERR_CERT_COMMON_NAME_INVALID",
    ),
    # No close frame at all is 1006 (1002 before), whichever close code the words read alike.
    ("WebSocket 连接突然断了，两边都没发关闭帧，onclose 里拿到的 code 是规范里不允许在帧里发送的那个，是多少", "1006"),
    # curl's exit code asked for, no cloud named: a cloud error read by meaning is no answer
    # (InvalidObjectState, of a "镜像文件", before).
    (
        "用 curl 下载一个很大的镜像文件，传到一半服务器断开了，收到的字节比响应头声明的少，curl 以非零状态退出，这个退出码对应什么错误",
        "CURLE_PARTIAL_FILE",
    ),
    ("which status means the server understood the request but refuses to authorize it", 403),
    # A Tencent resource ID names the cloud ("ins-…" is a CVM instance; nothing before).
    ("ins-5v8nqqqq 刚点了开机还没启动完，就去重装系统，报实例开机中不让操作", "UnsupportedOperation.InstanceStateStarting"),
    # Cloud things no generic word names: a placement group, Tencent's command agent, Aliyun's.
    ("往一个置放群组里继续加实例，报群组配额不足", "LimitExceeded.DisasterRecoverGroup"),
    ("自动化助手下发命令失败，说机器上的 agent 不在线", "UnsupportedOperation.TatAgentNotOnline"),
    ("云助手今天跑了 500 次命令以后，再调就说超出当天配额了，是哪个错误", "Invocation.ExceedQuota"),
    # An API gateway's throttling policy still bound to APIs.
    ("删除流控策略失败，说这个策略还绑定着几个 API", "APIG.3451"),
]


@pytest.mark.parametrize(("text", "first"), SESSION_25)
def test_questions_from_session_25(service, text, first):
    assert _first(service.resolve(text)) == first



SESSION_25_CLOUD = [
    # A region ID spelt the Huawei way names Huawei Cloud (nothing was read before).
    ("拿 cn-south-1 的 token 去请求 cn-east-3 的接口，URL 里的 project_id 跟 token 的不一致", {"Common.0018", "Ecs.0023"}),
    # A Tencent instance ID of the wrong length is still a Tencent ID (read as 422 before).
    ("测试时传了个 ins-9988，报实例ID格式不对", {"InvalidInstanceId.Malformed", "InvalidParameterValue.InstanceIdMalformed"}),
    # 市场价 is a price, not the image marketplace (Ecs.0902, spot and Marketplace images, before).
    ("华为云竞价实例我出的价比当前市场价低，创建失败", {"Ecs.0703"}),
    # A time that differs too much is a skewed clock, not an entity too large.
    ("ossutil 传文件失败，说请求时间跟服务端偏差太大", {"RequestTimeTooSkewed"}),
    # What the cloud said is the problem; sharing with others is the scene (ImageUseShared before).
    ("阿里云自定义镜像共享给别人时，说已经共享给太多账号，到上限了", {"QuotaExceed.ShareImageUser"}),
    # Huawei's own names: 弹性云服务器, and its server fields imageRef and adminPass (another
    # cloud's card, or nothing, before); a setting refused is trouble, not a change settled.
    ("新账号没做实名认证，开弹性云服务器时被限制", {"Ecs.0066", "Unauthorized"}),
    ("创建云服务器时 imageRef 写错了，报镜像不存在", {"Ecs.0031"}),
    ("把 adminPass 设成 abc 被拒了，说密码太简单", {"Ecs.0011"}),
    # 绑 one more security group to a machine is attaching it (the group quota's card before).
    ("给一台 CVM 再绑一个安全组就提示超过上限", {"LimitExceeded.AssociateUSGLimitExceeded"}),
    # CBS named, a disk sold out: Tencent documents it under CVM's API (the generic card before).
    ("腾讯云 CBS 下单高性能云硬盘，说这个云盘规格卖完了", {"ResourceInsufficient.CloudDiskSoldOut"}),
    # A zone that does not sell the type chosen: the type is not offered there (Zone.NotOnSale before).
    ("阿里云 ECS 下单时说这个可用区不卖我选的实例规格", {"InvalidInstanceType.ZoneNotSupported", "InstanceTypeNotSupported"}),
    # A vSwitch's private IPs used up, named private: QuotaExceeded.PrivateIpAddress says so
    # (IpNotEnough before); its IPs "不够" with nothing said of private ones stay IpNotEnough.
    ("阿里云开机器时报这个交换机下面的私有 IP 全被用光了", {"QuotaExceeded.PrivateIpAddress"}),
    ("阿里云 ECS 创建实例时说交换机里的IP地址不够了", {"InvalidVSwitchId.IpNotEnough"}),
    # "控制台里还在" is the thing seen in the console, not something in progress (a DNS card before).
    ("华为云 ECS 接口查询时返回云服务器不存在，控制台里还在", {"Ecs.0114", "Ecs.0614"}),
    # MFA is a cloud account's; "no longer valid" is expired (ActionOffline before).
    ("CVM API call rejected, says my MFA is no longer valid", {"UnauthorizedOperation.MFAExpired"}),
    # Response.Error is Tencent's API 3.0 error object (Aliyun's unpaid-order code before).
    ("DescribeInstances 的 Response.Error 说账户里有未支付的订单", {"InvalidAccount.UnpaidOrder"}),
    # Object storage's own words make the cloud a reading beside a typed status, no cloud named:
    # the retold message explains the 404 (the bare status before).
    ("分片上传最后合并时报 404，说这个 upload id 找不到", {"NoSuchUpload"}),
    # An English retelling's hedges ("though nothing …") are no words of the error (409 before).
    (
        "Creating an OSS bucket called team-logs fails, it says the name is already taken, though nothing by that name exists on our side",
        {"BucketAlreadyExists"},
    ),
]


@pytest.mark.parametrize(("text", "accepted"), SESSION_25_CLOUD)
def test_cloud_retellings_from_session_25(service, text, accepted):
    assert _first(service.resolve(text)) in accepted


def test_news_passed_on_gets_no_guesses(service, monkeypatch):
    # Apart from the model (fixed at "a question"): news heard of an outage elsewhere is gossip;
    # the word overlap with a status card it shares is no answer (300 and 509 were offered).
    monkeypatch.setattr(type(service.kb.chatter), "probability", lambda self, folded: 0.0)
    assert service.resolve("听说昨天有家云厂商一个可用区挂了，都上热搜了").matches == ()


@pytest.mark.parametrize(
    "text",
    [
        "EMFILE 了，句柄被日志进程占满，正在清理中",  # trouble in hand (清理中)
        "监控脚本把 curl 退出码 7 单独告警了，连不上的机器一目了然",  # a status update
    ],
)
def test_errors_in_hand_are_settled_remarks(service, monkeypatch, text):
    # Apart from the model (fixed at 0.9: sure enough for a remark told settled, not for a bare
    # identifier): the words that tell the trouble in hand settle it.
    monkeypatch.setattr(type(service.kb.chatter), "probability", lambda self, folded: 0.9)
    assert service.resolve(text).matches == ()


def test_whether_after_a_check_asks_nothing(service, monkeypatch):
    # "用来检查…是否存在" is what a check checks, not a question: the remark stays settled (涨知识了).
    monkeypatch.setattr(type(service.kb.chatter), "probability", lambda self, folded: 0.6)
    assert service.resolve("才知道 OPTIONS 请求能用来检查服务端是否支持某个方法，涨知识了").matches == ()
    assert service.resolve("是否存在的资源该返回 404 吗").matches  # a question by its own 是否


SESSION_26_CLOUD = [
    # Tencent's IDs are the prefix and eight characters: subnet- names Tencent Cloud as ins- does
    # (Aliyun's private-IP card before).
    ("在 subnet-3k9dabcd 里开实例，报私网 IP 不在这个子网的网段里", {"VpcAddrNotInSubNet"}),
    # An API gateway beside a typed status is the cloud's to explain (the bare 401 before).
    ("调 API 网关回 401，提示 APP 认证信息错误，密钥是新建的", {"APIGW.0303"}),
    # A guess retold with the message ("可能已经…完成了") settles nothing (no answer before).
    ("华为云 OBS 合并分片时说 upload id 不存在，可能已经终止或完成了", {"NoSuchUpload"}),
    # A key switched off is a key disabled (a file-mode card before).
    ("aliyun ecs calls all 403, the AK we use has been switched off", {"Forbidden.AccessKeyDisabled"}),
    # Archive words make the cloud kind a reading beside a typed status (the bare 403 before).
    ("归档类型的对象读取被拒绝，403，提示要先解冻", {"InvalidObjectState"}),
    # ECS named: the ECS API's policy refusal, not the gateway's IAM-user one (APIG.0302 before).
    ("IAM 子用户调华为云 ECS 接口回 403，提示策略不允许执行该操作", {"Pdp.0001"}),
    # "fixed_ip" is a field's name, not the trouble "fixed" (settled, so no answer, before).
    ("华为云 ECS 用 fixed_ip 建机器，提示私有 IP 已经被占用", {"Ecs.0010"}),
    # Inventory is stock (no answer before).
    ("tencent cloud says there is zero inventory for the instance type I picked", {"ResourceInsufficient.SpecifiedInstanceType", "ResourcesSoldOut.SpecifiedInstanceType"}),
    # A whole documented message of seven characters, quoted, is that message (the reading of a
    # longer one that holds it, ZoneSoldOutForSpecifiedInstance, before).
    ("腾讯云创建实例提示该可用区已售罄，怎么办", {"ResourceInsufficient.AvailabilityZoneSoldOut", "ResourcesSoldOut.AvailableZone"}),
]


@pytest.mark.parametrize(("text", "accepted"), SESSION_26_CLOUD)
def test_cloud_retellings_from_session_26(service, text, accepted):
    assert _first(service.resolve(text)) in accepted


def test_a_programs_error_object_code_asked_is_no_status(service):
    # "Node 里这个错误对象的 code": the runtime's own code is asked; the proxy status a refused
    # connection becomes (502) is no answer beside it (it was offered second before).
    res = service.resolve(
        "Node 服务启动时连本机 Redis 的端口，Redis 进程没起来，操作系统马上回了 RST，程序打印错误就退出了。"
        "Node 里这个错误对象的 code 是什么？"
    )
    assert _first(res) == "ECONNREFUSED"
    assert all(m.kind != "status" for m in res.matches)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # "允许当前源访问的那个头": the allow-origin header in other words (the bare 200 before).
        ("接口明明返回了 200，前端 fetch 却拿不到响应，原因是响应里缺了允许当前源访问的那个头", "CORS_MISSING_ALLOW_ORIGIN"),
        # "2 开头的…叫什么" asks for one member: the cloud's 2xx error, not the class list.
        ("OSS 回调业务服务器失败了，可状态码还是 2 开头的，这个错误码叫什么", "CallbackFailed"),
        # If-Match sent and someone else's change came first: the precondition failed (409 before);
        # If-Match ruled out, the business layer's conflict (412 before, read from the whole entries).
        ("我 PUT 的时候带了 If-Match，可那条记录已经被同事先改过了，服务器拒绝更新，规范上回什么", 412),
        ("库存扣减时发现版本号变了，业务上判定冲突拒绝了，没用 If-Match 那一套，返回哪个状态码合适", 409),
        # The word that makes a number a code, typed by its sound (服务器, 重定向): nothing before,
        # and "像 308" was read as a simile ("回消息像 204").
        ("服物器不可用 502", 502),
        ("重定像 308 是永久的吗", 308),
        # A launch pushed for ("催上线了") is no launch done: the paste is still asked about
        # (settled, so no answer, before).
        ("老板催上线了… python 报 socket.gaierror: [Errno -2] Name or service not known，算 DNS 问题吧", "ENOTFOUND"),
    ],
)
def test_readings_from_session_26(service, text, first):
    assert _first(service.resolve(text)) == first


@pytest.mark.parametrize("text", ["我家楼下 502 室", "回消息像 204", "服物器买了 3 台，一台 500 块"])
def test_numbers_beside_no_term_stay_numbers(service, text):
    # A place, a simile and a price stay what they were with the terms read by sound too.
    assert service.resolve(text).matches == ()


def test_which_kind_of_problem_asked_puts_the_failure_before_its_status(service):
    # The status a failed preflight got still leads when only told (#10's rule: "a CORS preflight
    # that got 405 → 405"); asked which kind of problem it is, the CORS failure leads and the
    # status is beside it (405 first before).
    told = service.resolve("预检请求被网关回了 405，跨域一直失败").matches
    asked = service.resolve("预检请求被网关回了 405，跨域一直失败，这属于哪类问题").matches
    assert [m.key for m in told[:2]] == ["405", "CORS_PREFLIGHT_FAILED"]
    assert [m.key for m in asked[:2]] == ["CORS_PREFLIGHT_FAILED", "405"]


def test_obsutil_names_huawei_obs(service):
    # Huawei OBS's own CLI names its cloud as ossutil names Aliyun OSS (the plain-words family
    # card, no cloud, before). Found reading fresh_cloud_79's misses after its first run.
    top = service.resolve("obsutil 上传报签名不匹配").matches[0]
    assert (top.answer.error.provider, top.answer.error_code) == ("huaweicloud", "SignatureDoesNotMatch")


def test_she_me_typed_for_shen_me_asks(service):
    # 社么 is 什么 typed by its sound, as 神么 is (nothing before).
    assert _first(service.resolve("404是社么意思")) == 404


def test_another_english_word_is_no_typo_of_a_name(service):
    # "expired" is a word the names use themselves, not a slip of "required" (nginx's 496).
    top = service.resolve("ssl certificate expired").matches[0]
    assert (top.kind, top.key) == ("network", "X509_V_ERR_CERT_HAS_EXPIRED")
    # A slip of a name's word is still one ("lenght" is "length" with two letters swapped).
    assert service.resolve("Lenght Required 是啥").matches[0].status == 411


@pytest.mark.parametrize("text", ["http 跳 https 用什么码", "http重定向到https用哪个码", "站点 http 跳转 https"])
def test_a_redirect_to_https_is_no_request_sent_to_the_https_port(service, text):
    # nginx's 497 (plain HTTP sent to its HTTPS port) reads alike; 302 and 307 by word overlap.
    assert service.resolve(text).matches[0].status == 301


def test_who_sends_the_redirect_to_https_decides_its_code(service):
    # ASP.NET Core's UseHttpsRedirection sends 307; ingress-nginx's ssl-redirect sends 308.
    assert service.resolve("asp.net core 里 http 跳转 https 是哪个状态码").matches[0].status == 307
    assert service.resolve("k8s ingress 开了 ssl-redirect，http 跳 https 回的是几").matches[0].status == 308
    assert service.resolve("k8s ingress 里 http 强制跳转 https 默认回什么码").matches[0].status == 308


def test_a_program_giving_up_is_the_failure_not_the_asker_giving_up(service):
    text = "登录页和首页互相跳转，浏览器就放弃了，显示重定向次数过多"
    assert service.resolve(text).matches[0].key == "ERR_TOO_MANY_REDIRECTS"
    # The asker giving up still settles it.
    assert service.resolve("试了半天最后放弃了，重定向次数过多这个问题先不管了").matches == ()


def test_unauthorised_access_typed_by_its_sound(service):
    # 受权 for 授权: the same sound; 未授权访问 is a name of 401 (not 407's 代理未授权).
    for text in ("未受权访问是啥意思", "接口报未授权访问"):
        assert service.resolve(text).matches[0].status == 401, text


def test_a_code_said_in_a_remark_that_asks_nothing(service):
    # "什么都不用解释" is everything, not a question; the model leans to a remark: withdrawn.
    res = service.resolve("我觉得状态码里最浪漫的是 200，岁月静好，什么都不用解释")
    assert res.matches == () and [m.status for m in res.withdrawn] == [200]
    # The same indefinite 什么 inside a question still asks ("为什么…什么都没返回").
    assert service.resolve("为什么接口什么都没返回").matches


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # Without If-Match or any condition header the clash is the business layer's (409), not
        # a failed precondition (412).
        ("PUT 更新时请求体里的版本号和服务器当前版本对不上，我们没带条件请求头，应该返回几", "409"),
        # "域名解析正常": DNS is ruled out; the port that cannot be reached is the trouble.
        ("wget 下载的时候域名解析正常，但是连对方 443 端口一直连不上，wget 和 curl 这种情况 curl 报哪个退出码", "CURLE_COULDNT_CONNECT"),
        # "要改哪里" asks where to change a setting, not which code to send instead of 413.
        ("群里问下 h5 页面上传视频一直返回 413，才 20M 啊，网关要改哪里", "413"),
        # Nothing listening: the RST refuses the connection attempt (ECONNREFUSED), no reset of a live one.
        ("本地 3000 端口压根没有程序在监听，客户端一连就被对方回了 RST，node 报的是哪个错误", "ECONNREFUSED"),
        # An upstream gone or refusing is a bad gateway (502), not a gateway timeout (504).
        ("nginx 把请求转给上游，结果上游服务进程挂了、端口没人监听，nginx 回给浏览器的是哪个状态码", "502"),
        # A byte range past the end of a shorter file, told in English.
        ("the client requested bytes 9000-9999 but the object is only 4096 bytes, which status fits", "416"),
    ],
)
def test_what_the_text_tells_decides_between_neighbours(service, text, key):
    assert service.resolve(text).matches[0].key == key


def test_chromes_cors_line_cut_before_its_reason(service):
    text = "devtools shows Access to fetch at 'https://api.shop.dev/cart' from origin 'http://localhost:3000' has been blocked, what now"
    top = service.resolve(text).matches[0]
    assert top.kind == "network" and top.answer.family == "cors"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # Nothing in the logs is a clue to the trouble, not "一个 404 都没有了" (none left).
        ("接口返回 500 内部服务器错误，后台日志一点东西都没有", 500),
        ("接口反回 500 內部服務器錯誤，后台日志一点东西都没有", 500),
        # The certificate's SAN list told without the error's name.
        ("证书是受信任的 CA 签的，也没过期，但证书 SAN 列表里没有用户访问的那个域名，浏览器拒绝连接，Chrome 报什么", "ERR_CERT_COMMON_NAME_INVALID"),
        # A deadline set by the client, then the call dropped: the deadline, not a cancellation.
        ("gRPC 客户端给调用设置了截止时间，服务端太慢，到期之后调用被取消，客户端拿到的是哪个状态", "DEADLINE_EXCEEDED"),
        # Text messages through a cloud: its SMS API's own balance error, not the compute API's.
        ("阿里云短信突然全部发送失败，返回说账户余额不足，可我账户里还有钱啊", "isv.AMOUNT_NOT_ENOUGH"),
        # What the console shows, after 可是, is the state that should have worked: no remark.
        ("阿里云发短信说模板不合法，可是控制台显示已通过", "isv.SMS_TEMPLATE_ILLEGAL"),
    ],
)
def test_wordings_from_session_30(service, text, first):
    assert _first(service.resolve(text)) == first


def test_none_left_is_still_a_remark(service):
    assert not service.resolve("今天终于一个 404 都没有了，开心").matches


@pytest.mark.parametrize("text", ["451 因法律原因不可用这个梗真的太绝了", "404 找不到对象这个梗真是经典"])
def test_a_meme_talked_about_is_a_remark(service, text):
    assert not service.resolve(text).matches


def test_a_meme_asked_about_is_a_question(service):
    assert service.resolve("418 那个梗是什么意思").matches[0].status == 418


def test_a_chinese_name_inside_a_longer_one_is_read_in_a_short_question_about_it(service):
    # 未授权 is part of 561's "ALB 认证未授权": in a short question that names neither ALB nor
    # 认证 it is 401's name, answered outright rather than offered as a guess.
    top = service.resolve("未授权是咋回事").matches[0]
    assert (top.status, top.tier) == (401, "alias")
    assert service.resolve("ALB 认证未授权是咋回事").matches[0].status == 561


def test_a_step_already_taken_told_last_after_the_trouble_is_no_fix_told():
    from bot.core import domain

    # "…我加了" after the error: the obvious fix was tried, the error stands.
    assert not domain.settled("调接口一直报 accessdenied,白名单我加了啊")
    assert not domain.settled("oss 提示 the specified bucket does not exist,appid 后缀我也加了")
    # Told alone, or with what came of it, it is a status update.
    assert domain.settled("白名单我加了")
    assert domain.settled("数据库慢查询我加了个索引,现在快多了")


def test_a_call_for_anyone_beside_an_outage_is_a_call_for_help():
    from bot.core import domain

    assert domain.asks_for_help("上线出事了 接口全是 503 有人在吗")
    assert domain.asks_for_help("支付回调一直 502，在线等")



def test_a_mood_given_as_a_code_and_then_asked_about_is_answered(service):
    assert service.resolve("心情 404 是啥梗").matches[0].status == 404


def test_the_name_said_as_the_one_mixed_up_with_follows_the_name_asked(service):
    matches = service.resolve("请求超时到底是哪个码，和网关超时老是记混").matches
    assert [m.status for m in matches[:2]] == [408, 504]


def test_how_a_server_should_answer_is_a_status_asked_for(service):
    from bot.core import domain

    text = "视频播放器发了 Range: bytes=99999999- 但文件只有 10MB，服务器按规范应该怎么回"
    assert service.resolve(text).matches[0].status == 416
    # How to answer a person is not that.
    assert not domain.asks_for_status("老板发消息我该怎么回")


def test_a_limit_asked_for_is_no_status_asked_for(service):
    from bot.core import domain

    # "…是多少" after a limit asks for the limit: the cloud's throttling error it hit leads.
    assert not domain.asks_for_status("短信发太多说触发了流控，这个阈值是多少")
    assert domain.asks_for_status("限流的时候状态码是多少")
    top = service.resolve("阿里云短信连着发几条就提示触发业务流控，频率限制是多少").matches[0]
    assert (top.kind, top.answer.error_code) == ("error", "isv.BUSINESS_LIMIT_CONTROL")


def test_oneself_as_the_teapot_after_a_complaint_is_a_joke(service):
    assert not service.resolve("老板的需求永远是 418，我是茶壶我不干").matches
    # The teapot's name alone is still the name asked about.
    assert service.resolve("我是一个茶壶").matches[0].status == 418


def test_an_error_gone_after_a_refresh_comes_and_goes(service):
    # "又好了" after a refresh: the trouble is intermittent, not settled ("就好了" after a fix is).
    top = service.resolve("ERR_CONNECTION_RESET 刷新一下又好了").matches[0]
    assert top.key == "ERR_CONNECTION_RESET"
    assert not service.resolve("jenkins 流水线又卡住了，重启一下就好了").matches


def test_tools_compared_by_preference_are_no_fault(service):
    assert not service.resolve("你们平时用 curl 还是 httpie").matches
    # A tool's error is still asked about.
    assert service.resolve("curl 报 (7) Failed to connect 是啥原因").matches


def test_no_logs_at_all_and_a_cry_for_help_are_trouble(service):
    from bot.core import domain

    # "一条日志都没有" is a clue missing, not "一个报错都没有了"; 救命 / 🆘 ask for help.
    assert service.resolve("线上接口一直 502，一条日志都没有，运维已经下班了，救命🆘").matches[0].status == 502
    assert domain.asks_for_help("救命")


def test_a_groan_at_trouble_that_outlasts_a_fix_is_asked_about(service):
    # "我服了 / 烦死了" before trouble still going on, or after a step that did not help: one's
    # own trouble in a group, not a remark about it.
    text = "我服了 COS 下载老是 NoSuchKey，文件明明就在桶里"
    assert service.resolve(text).matches[0].answer.error_code == "NoSuchKey"
    text = "烦死了 阿里云 OSS 上传一直 RequestTimeTooSkewed，本机时间同步过了"
    assert service.resolve(text).matches[0].answer.error_code == "RequestTimeTooSkewed"
    # A groan after the trouble still closes a remark.
    assert not service.resolve("又 504 了，真服了").matches


def test_a_status_that_comes_back_or_floods_in_is_a_status(service):
    # Retry-After is a header: the numbers beside it are statuses.
    assert service.resolve("请教下 429 回来以后 Retry-After 头要怎么读").matches[0].status == 429
    # Trouble right after a change, in bulk.
    assert service.resolve("笑死，一上线就满屏 504，回滚都来不及").matches[0].status == 504


@pytest.mark.parametrize("ending", ["有啥区别", "区别在哪", "有何区别"])
def test_two_names_compared_however_the_question_ends(service, ending):
    # "有啥区别" is the question's frame as "有什么区别" is: both names are read as names.
    keys = [m.key for m in service.resolve("永久重定向和临时重定向" + ending).matches[:2]]
    assert keys == ["301", "302"]


def test_a_code_one_sent_and_was_told_should_be_another_is_not_the_answer():
    from bot.kinds.status.index import _WRONG_ANSWER_RE

    def wrong(text: str) -> list[str]:
        return [next(g for g in m.groups() if g) for m in _WRONG_ANSWER_RE.finditer(text)]

    # The code sent, then what should have been sent: the first is what the question is not about.
    assert wrong("缺字段的请求我们这边返回了500，组长说应该返回客户端错误") == ["500"]
    assert wrong("我返回了 503，看日志是上游超时") == []  # no "应该": nothing said against it


def test_someone_thanked_by_name_for_trouble_gone_is_a_thank_you_note():
    from bot.core import domain

    assert domain.settled("谢谢 @阿强 大哥,续了证书以后 net::err_cert_date_invalid 没了 👍")
    assert domain.settled("多谢 @老周,加了白名单以后 403 好了")
    # Thanks with the trouble still there asks on.
    assert not domain.settled("谢谢 @阿强,可是重启之后 econnreset 还是一直报")


@pytest.mark.parametrize(
    ("text", "status"),
    [("我这边页面一直四零一", 401), ("网关又 wu ling er le", 502), ("后台老是五零零", 500)],
)
def test_a_status_said_digit_by_digit_in_words_is_read(service, text, status):
    top = service.resolve(text).matches[0]
    assert top.status == status and "按数字读作" in top.why


@pytest.mark.parametrize("text", ["二零二五年的年会", "三五个同事一起吃饭", "我住四零四"])
def test_numbers_in_words_that_are_no_status_stay_chatter(service, text):
    assert not service.resolve(text).matches


def test_nginx_lines_retold_in_an_english_question_name_their_status(service):
    # nginx's "upstream prematurely closed connection" cut short of its "while reading …" is
    # still the 502 signature; a client that left before the reply is nginx's 499.
    text = "Seeing upstream prematurely closed connection in the nginx log and users get an error page, which status is it?"
    assert service.resolve(text).matches[0].status == 502
    assert service.resolve("Client disconnected before nginx could reply, which code is in the access log?").matches[0].status == 499


def test_which_side_closed_it_asked_right_after_the_code(service):
    res = service.resolve("499 是谁断开的")
    assert res.mode == "code" and res.matches[0].status == 499


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A failure told in words, its cause found at the end, its name left out: a riddle.
        ("我的 Node 程序去连本机数据库的 3306 端口，一启动就立刻报错说对方主动拒绝了连接，后来发现 mysql 服务根本没启动", "ECONNREFUSED"),
        ("一个用 gRPC 的微服务调用，客户端设置了两秒的超时，服务端处理得太慢，客户端到两秒就直接报错放弃了，服务端其实后来处理完了", "DEADLINE_EXCEEDED"),
        # The fix told at the end (才解决), and the program that gave up (到点就放弃了) is the failure.
        ("订单服务调库存服务的 gRPC 接口时客户端设了 2 秒截止时间，库存服务那次慢查询跑了 5 秒，客户端到点就放弃了，虽然服务端最后其实处理成功了。", "DEADLINE_EXCEEDED"),
        ("财务的年度报表查询要跑将近两分钟，但 nginx 的 proxy_read_timeout 是 60 秒，每次到一分钟网关就放弃等待给浏览器回错误页，后来改成异步导出才解决。", "504"),
        # Nothing found in the log, and a clock changed by someone else: clues, not the trouble settled.
        ("运营在后台上传一个 80MB 的宣传视频，页面直接报错，后端日志里连这条请求都没有，最后发现是 nginx 的 client_max_body_size 默认才 1m，调大就好了。", "413"),
        ("有用户说 Chrome 打开我们网站提示连接不是私密连接，点开高级显示证书的有效期有问题，结果是他电脑的系统时间被改到了 2015 年。", "ERR_CERT_DATE_INVALID"),
    ],
)
def test_a_story_that_leaves_out_its_errors_name_is_answered(service, text, name):
    assert service.resolve(text).matches[0].key.endswith(name)


@pytest.mark.parametrize(
    "text",
    [
        # The same shape naming its error is a remark, answered by no one.
        "我的 Node 程序去连本机数据库的 3306 端口，一启动就报 ECONNREFUSED，后来发现 mysql 服务根本没启动",
        "上次那个 502 的问题，网关一直连不上后端，最后查出来是后端的连接池被打满了，改完就好了",
        # Named by its family, or by the message quoted in English.
        "CORS 的锅找到了：网关和后端都加了允许来源的头，响应里出现两个值，nginx 那边删掉一个就好了",
        "安卓老机型报 unable to verify the first certificate，原因是 nginx 只配了站点证书没配中间证书，换成 fullchain 就好了",
        # Settled by more than the cause found: a scare told.
        "一进公司就看到告警群刷屏，以为是大事，结果是监控系统自己的证书过期了，所有检查都在报错，虚惊一场",
    ],
)
def test_a_story_that_names_its_error_stays_a_remark(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    "text",
    ["nginx反向代理的proxy_pass怎么写", "Kubernetes的Pod和Deployment有什么区别", "解释一下 DNS 递归查询和迭代查询的区别"],
)
def test_asked_how_to_write_or_how_two_things_differ_with_only_words_shared_is_no_error(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "key"),
    [("502 和 504 有什么区别", "502"), ("超时和拒绝连接有什么区别", "ECONNREFUSED"), ("ECONNRESET 和 EPIPE 的区别", "ECONNRESET")],
)
def test_errors_compared_are_still_answered(service, text, key):
    assert service.resolve(text).matches[0].key.endswith(key)


@pytest.mark.parametrize(
    "text",
    [
        "同事反馈某个用户访问网站一直失败，排查发现是他浏览器里积累的cookie太多，请求头整体太大，服务器直接拒绝处理了，规范里对应的是哪个状态码？",
        "cookie 太多导致请求头总大小超限，HTTP 标准里专门那个 4xx 是几？",
    ],
)
def test_the_standard_asked_for_names_the_registered_code_a_servers_own_one_stands_for(service, text):
    # Only nginx's 494 read: the registered code its card names first among its related ones.
    matches = service.resolve(text).matches
    assert [m.key for m in matches[:2]] == ["431", "494"]


def test_a_code_asked_for_outside_the_standard_keeps_the_servers_own(service):
    assert service.resolve("nginx 日志里很多请求的状态码是客户端自己提前断开的那种，不是标准 HTTP 码，是哪个").matches[0].key == "499"


def test_a_status_spoken_of_to_be_named_is_asked_for(service):
    text = "听说有个状态码最初是为数字支付预留的，一直没正式定义用法，但有些支付平台会在付款失败时用它，是哪个？我们想在用户欠费时拒绝调用接口"
    assert service.resolve(text).matches[0].key == "402"


def test_a_redirect_told_to_have_turned_post_into_get_is_the_sibling_that_may(service):
    # "Temporary Redirect" is 307's English name, but 307 keeps the method: 302 is the one that changes it.
    text = "The server sent a temporary redirect and the browser silently turned my POST into a GET. Which status causes that?"
    top = service.resolve(text).matches[0]
    assert top.key == "302" and "307" in top.why


@pytest.mark.parametrize(
    "text",
    [
        "用户登录态是好的，token 也没过期，但他拿着别人的订单号去调取消接口，服务端鉴权发现他不是订单所有者，直接拒绝了，让他重新登录也没用。",
        "接口直接拒绝了，身份验证通过了的，就是不让删别人的评论，重新登录也没用",
    ],
)
def test_refused_with_the_callers_identity_never_in_doubt_is_403(service, text):
    assert service.resolve(text).matches[0].key == "403"


@pytest.mark.parametrize(
    "text",
    ["RESTful API 的 URL 应该用单数还是复数", "怎么在 Spring Boot 里统一返回 JSON 格式", "本地开发端口用 8080 还是 3000 比较好"],
)
def test_a_choice_or_a_design_asked_about_is_no_error(service, text):
    # 还是 (a choice) and 统一返回 (a design's verb) tell no trouble.
    assert service.resolve(text).matches == ()


def test_which_status_asked_as_returned_reads_the_statuses_whole_cards(service):
    text = "两个人同时编辑同一篇文档，我带着旧的 ETag 放在 If-Match 里发 PUT，服务端拒绝了说条件不满足，这种情况返回的是哪个状态？"
    assert service.resolve(text).matches[0].key == "412"


@pytest.mark.parametrize(("text", "code"), [("waht does 503 servise unavailable mean", "503"), ("what does 504 gatway timout mean please", "504")])
def test_a_reason_phrase_mistyped_before_more_words_still_names_the_code(service, text, code):
    # The name's own words typed with slips, then the question goes on ("… mean").
    assert service.resolve(text).matches[0].key == code


def test_a_name_set_aside_in_brackets_is_not_what_is_asked(service):
    assert service.resolve("“请求超时”这个状态码是多少（不是网关超时）").matches[0].key == "408"


@pytest.mark.parametrize(
    "text",
    [
        "笑死，实习生把 GET 写成 POST，后端回了个 405，他以为服务器挂了😂 @机器人 给他科普下",
        "笑死，前端说是后端的锅，后端说是浏览器的锅，谁能解释下这个跨域报错到底该谁改 😂",
    ],
)
def test_an_explanation_asked_for_in_a_laugh_is_answered(service, text):
    assert service.resolve(text).matches


@pytest.mark.parametrize("text", ["怎么用 nginx 配置反向代理"])
def test_asked_how_to_use_a_tool_is_no_error(service, text):
    assert service.resolve(text).matches == ()


def test_trouble_back_again_in_a_laugh_is_still_failing(service):
    # 又抽风了: the trouble is on again, whatever the laugh.
    text = "笑死，我本地 npm install 报 getaddrinfo ENOTFOUND registry.npmjs.org，公司网又抽风了"
    assert service.resolve(text).matches[0].key == "ENOTFOUND"


@pytest.mark.parametrize(
    "text",
    ["阿里云那个 Forbbiden 拼写错误居然一直没改 😂", "阿里云这个 Forbbiden 拼写错了这么多年都没改，强迫症看着难受"],
)
def test_a_remark_on_a_codes_spelling_is_no_error_met(service, text):
    assert service.resolve(text).matches == ()


def test_a_codes_spelling_asked_about_is_answered(service):
    assert service.resolve("Forbbiden 是拼错了吗，这个码什么意思").matches


def test_a_status_page_named_in_english_is_the_status(service):
    assert service.resolve("I keep hitting a 511 page on hotel wifi, what is that?").matches[0].key == "511"
    assert service.resolve("the book has 300 pages").matches == ()


def test_a_wait_that_ran_out_before_an_error_page_is_a_gateway_timeout(service):
    text = "线上接口突然大面积报错，nginx 等了 60 秒还没拿到后端服务的响应，最后直接给浏览器返回了一个错误页，这种情况对应的是哪个状态码？"
    assert service.resolve(text).matches[0].key == "504"


def test_refused_by_a_server_that_knows_who_is_asking_is_403(service):
    text = "测试发现：普通账号登录后访问管理后台，服务端明确知道是谁，但就是不给访问，返回的码和没登录时不一样，这种情况应该返回什么？"
    assert service.resolve(text).matches[0].key == "403"


def test_someone_in_the_group_asked_to_know_a_code_names_it(service):
    assert service.resolve("群里有人懂 413 吗，传个 50M 的 excel 就报这个，急").matches[0].key == "413"


def test_a_quoted_name_is_meant_even_as_a_small_part_of_the_question(service):
    # 302's card talks about being sent to a login page at length; the name in quotes is 401's.
    text = "文档里说的“未登录”一般回 HTTP 哪个码"
    assert service.resolve(text).matches[0].key == "401"


@pytest.mark.parametrize(
    ("text", "code"),
    [("“分段下载”成功时服务器返回的那个状态码叫啥", "206")],
)
def test_a_status_asked_for_by_its_name_is_a_status(service, text, code):
    assert service.resolve(text).matches[0].key == code


@pytest.mark.parametrize(
    "text",
    [
        "腾讯云 CDN 的防盗链在哪里配置",
        "阿里云 OSS 防盗链的入口在哪",
        "腾讯云云函数每个月的免费额度是多少",
        "阿里云短信签名审核一般要几天",
        "阿里云 RAM 用户怎么配成只能读一个 bucket",
        "华为云实名认证一般要审核多久",
        "腾讯云 CVM 免费试用是一个月还是半年",
        "阿里云 OSS 按量计费还是买资源包更划算",
    ],
)
def test_a_service_asked_about_as_bought_and_run_is_no_error(service, text):
    assert service.resolve(text).matches == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [("阿里云账号没通过实名认证，调 ECS 接口创建实例被拒了", "aliyun:RealNameAuthenticationError")],
)
def test_an_error_met_around_the_same_words_is_still_answered(service, text, code):
    m = service.resolve(text).matches[0]
    assert f"{m.answer.provider}:{m.answer.error_code}" == code


def test_a_step_told_done_in_indignation_is_still_failing(service):
    # "…已经加了…策略了啊": done, and the error is still there; not a remark that settles it.
    matches = service.resolve("OSS 报 AccessDenied，bucket policy 已经加了读权限了呀").matches
    assert matches and matches[0].answer.error_code == "AccessDenied"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("请求成功但没返回数据，这种用什么码", 204),
        ("做接口防刷的话一般返回哪个状态码", 429),
        ("Which HTTP code is returned when the request method is not supported by the target?", 405),
    ],
)
def test_convention_and_english_asks_lead_with_the_status(service, text, status):
    assert service.resolve(text).matches[0].status == status


def test_an_observation_told_in_indignation_is_still_failing(service):
    # "…一个文件都没有啊": what the asker saw, not a report that all is well.
    matches = service.resolve("阿里云 OSS 删 bucket 提示不是空的，可我看里面一个文件都没有啊").matches
    assert matches and matches[0].answer.error_code == "BucketNotEmpty"
